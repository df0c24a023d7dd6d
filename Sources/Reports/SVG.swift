/// The report's charts, each one self-contained `<svg>` element drawn from plain numbers.
///
/// Why hand-written SVG rather than a plotting library: the page must work offline, with no
/// JavaScript and no external resources, and be byte-identical for the same input; a few
/// rectangles, lines and text elements do that with nothing but the standard library.
///
/// Every chart has a stable `id` (`confusion-matrix`, `class-scores`, `reliability`,
/// `pr-curves`) and the class `chart`, carries its own `xmlns`, font and `<title>` (so it is
/// valid on its own if copied out of the page), escapes every piece of text, and never writes a
/// non-finite number: empty or degenerate input gives an empty frame, not `NaN`.
/// Coordinates are rounded to hundredths of a pixel.
public enum SVG {}
