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
/// parent put in our URL; `src` is our own address, which `iframe.resize` listeners match.
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
