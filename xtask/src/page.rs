//! Fills the web page's template (`web/index.html`) with its words from the game's strings
//! file, so the page around the game is translated with it: `{{section.key}}` becomes that
//! string, HTML-escaped; `{{json:section}}` becomes the section as JSON, for app.js to read.

use serde_json::Value;

/// The strings file the page is built with; the same language the game loads by default.
pub const LANGUAGE: &str = "en-GB";

/// The template with every placeholder filled, or a message naming the first one that
/// the strings file cannot fill (so a missing translation stops the build, not the page).
pub fn fill(template: &str, strings: &Value) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .ok_or_else(|| format!("an unclosed {{{{ in the page: {}", snippet(after)))?;
        let name = after[..end].trim();
        if let Some(section) = name.strip_prefix("json:") {
            let value = lookup(strings, section)?;
            // `<` escaped so the JSON cannot close the <script> element it sits in.
            out.push_str(&value.to_string().replace('<', "\\u003c"));
        } else {
            match lookup(strings, name)? {
                Value::String(s) => out.push_str(&escape_html(s)),
                _ => return Err(format!("{name} in the strings file is not text")),
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn lookup<'a>(strings: &'a Value, path: &str) -> Result<&'a Value, String> {
    path.split('.')
        .try_fold(strings, |value, key| value.get(key))
        .ok_or_else(|| format!("the page needs {path}, which the strings file does not have"))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn snippet(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn strings() -> Value {
        json!({
            "language": "en-GB",
            "page": { "title": "Find Your Fit – careers", "note": "Tom & Jerry say \"hi\" <b>" }
        })
    }

    #[test]
    fn fills_text_escaped_for_html() {
        let page = fill(
            r#"<html lang="{{language}}"><title>{{page.title}}</title><p title="{{ page.note }}">"#,
            &strings(),
        )
        .unwrap();
        assert_eq!(
            page,
            r#"<html lang="en-GB"><title>Find Your Fit – careers</title><p title="Tom &amp; Jerry say &quot;hi&quot; &lt;b&gt;">"#
        );
    }

    #[test]
    fn json_sections_cannot_close_their_script() {
        let page = fill("<script>{{json:page}}</script>", &strings()).unwrap();
        assert!(!page[8..page.len() - 9].contains('<'), "{page}");
        let inner: Value = serde_json::from_str(&page[8..page.len() - 9]).unwrap();
        assert_eq!(inner, strings()["page"]);
    }

    #[test]
    fn a_missing_string_stops_the_build_with_its_name() {
        let err = fill("<p>{{page.missing}}</p>", &strings()).unwrap_err();
        assert!(err.contains("page.missing"), "{err}");
        assert!(fill("<p>{{page}}</p>", &strings()).is_err());
        assert!(fill("<p>{{page.title</p>", &strings()).is_err());
    }

    /// The real page and the real strings file agree: every placeholder is filled.
    #[test]
    fn the_real_page_fills_from_the_real_strings() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let template = std::fs::read_to_string(root.join("web/index.html")).unwrap();
        let file = root.join(format!("assets/strings/{LANGUAGE}.json"));
        let mut strings: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        // The build's part is tested with the whole build (web.rs); any names do here.
        strings["build"] = json!({
            "app": "a.js", "style": "s.css", "glue": "g.js", "wasm": "w.wasm",
            "theme_color": "#000", "csp": "default-src 'self'", "page": {},
        });
        let page = fill(&template, &strings).unwrap();
        assert!(
            !page.contains("{{"),
            "unfilled placeholder left in the page"
        );
        assert!(page.contains(r#"<html lang="en-GB">"#));
        assert!(page.contains("<title>Find Your Fit"));
    }
}
