"""What the local Spark checks share: where things are, and a Python that has pyspark."""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, "benchmarks", ".venv-spark")
STANCE = os.environ.get("STANCE_BIN") or os.path.join(ROOT, ".build", "release", "stance")


def data_dir():
    return os.environ.get("STANCE_DATA") or os.path.join(os.path.dirname(ROOT), "shared", "datasets")


def skip_reason(name):
    """Why a Spark check cannot run here (Java or the shared data missing), or None."""
    if shutil.which("java") is None:
        return f"{name}: java not found (apt-get install openjdk-17-jre-headless); skipping the Spark check"
    if not os.path.isdir(data_dir()):
        return f"{name}: data folder {data_dir()} not found (set STANCE_DATA); skipping the Spark check"
    return None


def spark_python():
    """A Python with pyspark and numpy (MLlib needs it): this one, or benchmarks/.venv-spark
    (created on first use)."""
    try:
        import numpy  # noqa: F401
        import pyspark  # noqa: F401
        return sys.executable
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print(f"installing pyspark into {VENV} (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([python, "-c", "import pyspark, numpy"], capture_output=True).returncode != 0:
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "--quiet", "pyspark", "numpy"], check=True)
    return python


def spark_env(python):
    return dict(os.environ, PYSPARK_PYTHON=python, SPARK_LOCAL_IP="127.0.0.1")
