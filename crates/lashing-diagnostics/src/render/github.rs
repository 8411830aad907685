//! `--format github`: GitHub Actions workflow commands, which the runner turns
//! into annotations on the pull request's diff:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.

use std::io::{self, Write};

use super::{position, Report};
use crate::Severity;

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    for f in report.shown() {
        let p = position(report.sources, f.primary.span);
        // A suppressed finding (shown with --show-suppressed) is a notice: it
        // must not look like a problem on the pull request.
        let command = match f.severity {
            _ if f.suppression.is_some() => "notice",
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        if let Some(s) = &f.suppression {
            message.push_str(&format!("\n{s}"));
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(p.path),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&format!("lashing {} ({})", f.rule, f.code)),
            escape_data(&message),
        )?;
    }
    Ok(())
}

/// The message part: `%`, CR and LF are encoded so that the runner decodes them
/// back (a multi-line annotation), and a line break cannot end the command.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// A property value (`file=`, `title=`): as the message, plus `:` and `,`, which
/// would otherwise end the property list or the value.
pub fn escape_property(s: &str) -> String {
    // escape_data introduces no `:` or `,`, so these replace only the text's own.
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% of a:b,c\r\nnext"),
            "100%25 of a:b,c%0D%0Anext"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("dir,1/a:b%\n.yaml"),
            "dir%2C1/a%3Ab%25%0A.yaml"
        );
    }

    #[test]
    fn percent_is_escaped_first_so_escapes_are_not_doubled() {
        // A literal "%0A" in a message must arrive as "%0A", not as a line break.
        assert_eq!(escape_data("%0A"), "%250A");
    }
}
