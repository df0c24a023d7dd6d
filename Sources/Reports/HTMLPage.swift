/// A whole HTML5 document: the fixed head (charset, viewport, title, inline style) and the body
/// appended piece by piece.
///
/// It carries no script and refers to nothing outside itself: the only assets are the inline
/// style and the SVG drawn into the body.
struct HTMLPage {
    var title: String
    private(set) var body = ""

    init(title: String) {
        self.title = title
    }

    /// Appends trusted markup; text from the input must be escaped by the caller.
    mutating func append(_ markup: String) {
        body += markup
        if !markup.hasSuffix("\n") { body += "\n" }
    }

    var rendered: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.markupEscaped)</title>
        <style>
        \(ReportStyle.css)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
