/// The page's only style sheet, inlined in `<head>`.
///
/// Inline because the report must open anywhere — an e-mail attachment, an offline laptop, a
/// CI artefact viewer — with no external resources. System fonts only; numbers use tabular
/// figures so columns of decimals line up. Charts scale down on narrow screens.
enum ReportStyle {
    static let css = """
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #ffffff; max-width: 1120px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 1.5em; margin: 0 0 10px; overflow-wrap: anywhere; }
    h2 { font-size: 1.15em; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
    table { border-collapse: collapse; }
    th, td { padding: 4px 10px; text-align: left; vertical-align: top; }
    table.metadata th { font-weight: normal; color: #57606a; padding-left: 0; }
    table.metadata td { overflow-wrap: anywhere; }
    .headline { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0; }
    .stat { border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 18px; min-width: 110px; }
    .stat .value { font-size: 1.6em; font-weight: 600; font-variant-numeric: tabular-nums; }
    .stat .name { font-size: 0.85em; color: #57606a; }
    #per-class thead th, #worst-mistakes thead th { border-bottom: 2px solid #d0d7de; }
    #per-class tbody tr, #worst-mistakes tbody tr { border-bottom: 1px solid #eaeef2; }
    #per-class td, #worst-mistakes td.number { text-align: right; font-variant-numeric: tabular-nums; }
    #per-class tfoot tr:first-child th, #per-class tfoot tr:first-child td { border-top: 1px solid #d0d7de; }
    #per-class tfoot th { font-weight: normal; font-style: italic; }
    #per-class tr.absent { color: #8c959f; }
    .charts { display: flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
    figure { margin: 0; max-width: 100%; }
    figure svg { display: block; max-width: 100%; height: auto; }
    figcaption { max-width: 440px; margin-top: 6px; font-size: 0.85em; color: #57606a; }
    #worst-mistakes td.example { max-width: 560px; }
    .quote { white-space: pre-wrap; overflow-wrap: anywhere; }
    .chips { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
    .chip { font-size: 0.8em; white-space: nowrap; background: #eef3fb; border: 1px solid #c8d6ee; border-radius: 10px; padding: 0 8px; }
    .chip b { font-weight: 600; color: #1a7f37; }
    .note { color: #57606a; }
    .nothing { border: 1px solid #d0d7de; border-radius: 6px; padding: 14px 18px; background: #f6f8fa; }
    footer { margin-top: 36px; font-size: 0.8em; color: #8c959f; }
    """
}
