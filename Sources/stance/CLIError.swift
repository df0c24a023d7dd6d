/// A failure the user can act on. ArgumentParser prints it as "Error: <message>" and exits 1;
/// usage mistakes (ValidationError) exit 64 with the usage line instead.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Runs a library call and turns its typed error into a one-line ``CLIError``.
func attempt<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) throws -> T {
    do { return try body() } catch { throw CLIError(error.description) }
}
