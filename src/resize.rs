//! What an embedded page says to its parent about its height, in each protocol that hosts
//! already listen for: ours, Datawrapper's, Pym.js's (NPR's, in many newsroom CMSs) and the JSON
//! `iframe.resize` message of Flourish's and embed.ly's parents. Pure, so it is tested natively;
//! `browser::report_height` posts the messages and answers Pym's width messages.

/// One message for the parent: a JSON value (posted as an object) or a plain string.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Json(String),
    Text(String),
}

/// Every message that tells the parent our height. `pym_child` is the `childId` a Pym.js
/// parent put in our URL; `src` is the address the frame was given (a chart's page and the app
/// change the page's own since), which `iframe.resize` listeners match.
pub fn height_messages(height: i64, pym_child: Option<&str>, src: &str) -> Vec<Message> {
    let mut out = vec![
        Message::Json(format!(
            r#"{{"datawrapper-height": {{"frontline-figures": {height}}}}}"#
        )),
        Message::Json(format!(
            concat!(
                r#"{{"type": ""#,
                crate::export::height_message!(),
                r#"", "height": {}}}"#
            ),
            height
        )),
        // Flourish and embed.ly parents parse a JSON string.
        Message::Text(format!(
            r#"{{"context":"iframe.resize","height":{height},"src":{}}}"#,
            crate::export::json_str(src)
        )),
    ];
    if let Some(id) = pym_child {
        out.push(Message::Text(pym(id, "height", &height.to_string())));
    }
    out
}

/// A Pym.js message: `pymxPYMx{id}xPYMx{type}xPYMx{body}` (pym.js 1.x, `_makeMessage`).
pub fn pym(id: &str, kind: &str, body: &str) -> String {
    format!("pymxPYMx{id}xPYMx{kind}xPYMx{body}")
}

/// `height_messages` for index.html's first script, which posts them while the page is its
/// prerendered figures (before the app, or without it): a JSON array with one entry per message,
/// `[is_json, part, …]`, each part either text or the number of a slot the script fills: 0 the
/// height, 1 our address as a JSON string, 2 the Pym child's id (a message with slot 2 is sent
/// to a Pym parent only). The prerender step writes it in.
#[cfg(feature = "ssr")]
pub fn height_template() -> String {
    const HEIGHT: i64 = i64::MIN;
    const SRC: &str = "\u{1}";
    const CHILD: &str = "\u{2}";
    let slots = [
        HEIGHT.to_string(),
        crate::export::json_str(SRC),
        CHILD.to_string(),
    ];
    let entries: Vec<serde_json::Value> = height_messages(HEIGHT, Some(CHILD), SRC)
        .into_iter()
        .map(|message| {
            let (json, mut rest) = match message {
                Message::Json(text) => (true, text),
                Message::Text(text) => (false, text),
            };
            let mut parts = vec![json.into()];
            // Split at the earliest slot left, until none is.
            while let Some((at, slot)) = (0..slots.len())
                .filter_map(|slot| rest.find(&slots[slot]).map(|at| (at, slot)))
                .min()
            {
                parts.push(rest[..at].into());
                parts.push(slot.into());
                rest = rest[at + slots[slot].len()..].to_string();
            }
            parts.push(rest.into());
            serde_json::Value::Array(parts)
        })
        .collect();
    serde_json::Value::Array(entries).to_string()
}

/// Whether a message from the parent is Pym's width message for this child (sent after the
/// frame loads and whenever the parent resizes): the child answers it with its height.
pub fn asks_for_height(message: &str, pym_child: &str) -> bool {
    message.starts_with(&pym(pym_child, "width", ""))
}

/// The `childId` a Pym.js parent adds to the frame's URL, if any (Pym also adds
/// `initialWidth`, `parentTitle` and `parentUrl`; the page keeps them, silently).
pub fn pym_child(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|piece| piece.split_once('='))
        .find(|(key, _)| *key == "childId")
        .and_then(|(_, value)| crate::view_state::decode(value))
        .filter(|id| !id.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_protocol_gets_the_height() {
        let messages = height_messages(612, Some("chart-1"), "https://example.org/?embed=1");
        assert_eq!(
            messages,
            [
                Message::Json(r#"{"datawrapper-height": {"frontline-figures": 612}}"#.into()),
                Message::Json(r#"{"type": "frontline-figures:height", "height": 612}"#.into()),
                Message::Text(
                    r#"{"context":"iframe.resize","height":612,"src":"https://example.org/?embed=1"}"#
                        .into()
                ),
                Message::Text("pymxPYMxchart-1xPYMxheightxPYMx612".into()),
            ]
        );
        assert_eq!(
            height_messages(1, None, "x").len(),
            3,
            "Pym only for a Pym child"
        );
        for m in &messages[..3] {
            let (Message::Json(text) | Message::Text(text)) = m;
            serde_json::from_str::<serde_json::Value>(text).expect("valid JSON");
        }
    }

    /// Fills the template's slots as index.html's first script does.
    #[cfg(feature = "ssr")]
    fn fill(template: &str, height: i64, src: &str, child: Option<&str>) -> Vec<Message> {
        let entries: Vec<Vec<serde_json::Value>> = serde_json::from_str(template).unwrap();
        let slots = [height.to_string(), crate::export::json_str(src)];
        entries
            .into_iter()
            .filter(|parts| child.is_some() || !parts[1..].contains(&2.into()))
            .map(|parts| {
                let text: String = parts[1..]
                    .iter()
                    .map(|part| match part {
                        serde_json::Value::String(text) => text.clone(),
                        serde_json::Value::Number(n) if n.as_u64() == Some(2) => {
                            child.unwrap().to_string()
                        }
                        serde_json::Value::Number(n) => slots[n.as_u64().unwrap() as usize].clone(),
                        other => panic!("not a part: {other}"),
                    })
                    .collect();
                match parts[0] {
                    serde_json::Value::Bool(true) => Message::Json(text),
                    _ => Message::Text(text),
                }
            })
            .collect()
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn the_first_scripts_template_gives_every_message() {
        let template = height_template();
        let src = "https://example.org/?embed=1&chart=a\"b";
        assert_eq!(
            fill(&template, 2834, src, Some("c")),
            height_messages(2834, Some("c"), src)
        );
        assert_eq!(fill(&template, 7, src, None), height_messages(7, None, src));
        assert!(!template.contains('\u{1}') && !template.contains("9223372036854775808"));
    }

    #[test]
    fn pym_parents_are_understood() {
        assert_eq!(
            pym_child("?embed=1&initialWidth=600&childId=example%201&parentTitle=A&parentUrl=x"),
            Some("example 1".into())
        );
        assert_eq!(pym_child("?embed=1&childId="), None);
        assert_eq!(pym_child("?embed=1"), None);
        assert!(asks_for_height(
            "pymxPYMxexamplexPYMxwidthxPYMx600",
            "example"
        ));
        assert!(!asks_for_height(
            "pymxPYMxotherxPYMxwidthxPYMx600",
            "example"
        ));
        assert!(!asks_for_height(
            "pymxPYMxexamplexPYMxheightxPYMx600",
            "example"
        ));
    }
}
