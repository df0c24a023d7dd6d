import Foundation
import Testing

/// `stance evaluate --report`: the page is written, holds every chart, and renders in a real
/// browser (headless Chromium, Debian's `chromium` package; `make test` installs it).

private let corpus = (0..<40).map { i in
    i % 2 == 0
        ? #"{"text": "we welcome the talks and a real partnership \#(i % 7 == 0 ? "they lied" : "")", "label": "supportive"}"#
        : #"{"text": "we cannot trust them, they lied about the deal \#(i % 9 == 0 ? "partnership" : "")", "label": "skeptical"}"#
}.joined(separator: "\n") + "\n"

private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

private func evaluatedReport() throws -> URL {
    let folder = try CLI.scratchFolder()
    try corpus.write(to: folder.appendingPathComponent("train.jsonl"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["train", "--data", "train.jsonl", "--classifier", "nb", "--output", "m.stance"], in: folder).status == 0)
    // Test data with some labels swapped, so there are mistakes to show.
    let test = corpus.split(separator: "\n").enumerated().map { i, line in
        i % 5 == 0 ? line.replacingOccurrences(of: "supportive", with: "skeptical") : String(line)
    }.joined(separator: "\n") + "\n"
    try test.write(to: folder.appendingPathComponent("test.jsonl"), atomically: true, encoding: .utf8)
    let result = try CLI.run(["evaluate", "--model", "m.stance", "--data", "test.jsonl", "--report", "report"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("accuracy"))
    #expect(result.stderr.contains("report written to"))
    return folder.appendingPathComponent("report/index.html")
}

@Test func evaluateWritesASelfContainedHTMLReport() throws {
    let page = try String(contentsOf: try evaluatedReport(), encoding: .utf8)
    for id in ["confusion-matrix", "class-scores", "reliability", "pr-curves", "per-class", "worst-mistakes"] {
        #expect(page.contains("id=\"\(id)\""), "missing \(id)")
    }
    // Nothing is fetched at view time.
    #expect(!page.contains("<script"))
    #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("url(http"))
}

/// Runs Chromium headless on the page; returns its standard output.
private func chromiumRun(_ arguments: [String]) throws -> (status: Int32, output: Data) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium!)
    let profile = try CLI.scratchFolder()
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile.path)"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
}

@Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium); skipping the browser rendering check"))
func theReportRendersInHeadlessChromium() throws {
    let page = try evaluatedReport()
    let shot = page.deletingLastPathComponent().appendingPathComponent("screenshot.png")
    let screenshot = try chromiumRun(["--window-size=1200,2400", "--screenshot=\(shot.path)", page.absoluteString])
    #expect(screenshot.status == 0)
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 20_000, "a blank page compresses to a few KB; got \(png.count) bytes")
    // The DOM the browser built from the page has every chart as an SVG element.
    let dom = String(decoding: try chromiumRun(["--dump-dom", page.absoluteString]).output, as: UTF8.self)
    for id in ["confusion-matrix", "class-scores", "reliability", "pr-curves"] {
        #expect(dom.contains("<svg") && dom.contains("id=\"\(id)\""), "the rendered page lacks \(id)")
    }
    #expect(dom.contains("<table id=\"worst-mistakes\""))
}
