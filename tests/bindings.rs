//! The short names the prerender step gives the wasm's imports and exports, in the wasm and in
//! its JS glue (`prerender::bindings`). The expected modules are built here from scratch, byte
//! by byte, not read back with the code under test.
#![cfg(feature = "ssr")]

use frontline_figures::prerender::bindings::{Renamed, shorten, verify};

/// A module whose functions all have type `() -> ()`: `imports` as (module, name), one
/// function of its own, `exports` as (name, function index), then custom sections by name.
fn module(imports: &[(&str, &str)], exports: &[(&str, u32)], custom: &[&str]) -> Vec<u8> {
    // Unsigned LEB128, as the format writes every count and length.
    fn leb(out: &mut Vec<u8>, n: usize) {
        let mut n = n;
        while n >= 0x80 {
            out.push((n as u8 & 0x7f) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    fn name(out: &mut Vec<u8>, s: &str) {
        leb(out, s.len());
        out.extend_from_slice(s.as_bytes());
    }
    fn section(out: &mut Vec<u8>, id: u8, body: &[u8]) {
        out.push(id);
        leb(out, body.len());
        out.extend_from_slice(body);
    }
    let mut m = b"\0asm\x01\0\0\0".to_vec();
    section(&mut m, 1, &[1, 0x60, 0, 0]);
    let mut body = Vec::new();
    leb(&mut body, imports.len());
    for (module, field) in imports {
        name(&mut body, module);
        name(&mut body, field);
        body.extend_from_slice(&[0x00, 0]);
    }
    section(&mut m, 2, &body);
    section(&mut m, 3, &[1, 0]);
    let mut body = vec![exports.len() as u8];
    for (field, index) in exports {
        name(&mut body, field);
        body.extend_from_slice(&[0x00, *index as u8]);
    }
    section(&mut m, 7, &body);
    section(&mut m, 10, &[1, 2, 0, 0x0b]);
    for custom in custom {
        let mut body = Vec::new();
        name(&mut body, custom);
        body.extend_from_slice(b"data");
        section(&mut m, 0, &body);
    }
    m
}

const GLUE_MODULE: &str = "./site_bg.js";
const LOG: &str = "__wbg_log_0123456789abcdef";
const NOW: &str = "__wbg_now_fedcba9876543210";
const SHIM: &str = "wasm_bindgen_0a1b2c3d___convert__closures_____invoke___web_sys__Event__true_";

fn glue(log: &str, now: &str, module: &str, shim: &str) -> String {
    format!(
        r#"function i(){{return{{__proto__:null,"{module}":{{__proto__:null,{log}:function(e){{console.log(e)}},{now}:function(){{return Date.now()}}}}}}}}function c(e){{wasm.{shim}(e);wasm.__wbindgen_malloc(e);return wasm.memory}}"#
    )
}

#[test]
fn imports_modules_and_the_exports_the_glue_calls_get_short_names_in_both() {
    let wasm = module(
        &[(GLUE_MODULE, LOG), (GLUE_MODULE, NOW)],
        &[
            (SHIM, 2),
            ("memory", 2),
            ("__wbindgen_malloc", 2),
            ("main", 2),
        ],
        &["producers", "name", "target_features"],
    );
    let renamed = shorten(&wasm, &glue(LOG, NOW, GLUE_MODULE, SHIM)).unwrap();
    // The shim is reached only as `wasm.<name>`: renamed. The runtime's `memory` and
    // `__wbindgen_malloc` keep their names, and so does `main`, which the glue never names.
    // The two custom sections nothing reads at run time are gone; the `name` section stays.
    assert_eq!(
        renamed.wasm,
        module(
            &[("a", "a"), ("a", "b")],
            &[
                ("a", 2),
                ("memory", 2),
                ("__wbindgen_malloc", 2),
                ("main", 2)
            ],
            &["name"]
        )
    );
    assert_eq!(renamed.js, glue("a", "b", "a", "a"));
    assert_eq!(renamed.names, 4);
}

#[test]
fn a_short_name_never_takes_the_name_of_an_export_that_keeps_its_own() {
    let wasm = module(&[], &[("b", 0), (SHIM, 0), ("a", 0)], &[]);
    let js = format!("wasm.{SHIM}();b();a()");
    let renamed = shorten(&wasm, &js).unwrap();
    assert_eq!(
        renamed.wasm,
        module(&[], &[("b", 0), ("c", 0), ("a", 0)], &[])
    );
    assert_eq!(renamed.js, "wasm.c();b();a()");
}

#[test]
fn many_imports_get_distinct_names() {
    let names: Vec<String> = (0..200).map(|i| format!("__wbg_f_{i:016x}")).collect();
    let imports: Vec<(&str, &str)> = names.iter().map(|n| (GLUE_MODULE, n.as_str())).collect();
    let js = format!(
        "{{\"{GLUE_MODULE}\":{{{}}}}}",
        names
            .iter()
            .map(|n| format!("{n}:function(){{}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let renamed = shorten(&module(&imports, &[], &[]), &js).unwrap();
    let inner = renamed
        .js
        .trim_start_matches("{\"a\":{")
        .trim_end_matches("}}");
    let keys: std::collections::BTreeSet<&str> = inner
        .split(",")
        .map(|entry| entry.trim_end_matches(":function(){}"))
        .collect();
    assert_eq!(keys.len(), 200, "{inner}");
    assert!(keys.iter().all(|k| (1..=2).contains(&k.len())), "{keys:?}");
    assert!(
        keys.iter()
            .all(|k| k.chars().all(|c| c.is_ascii_alphabetic())),
        "{keys:?}"
    );
}

#[test]
fn a_glue_that_does_not_name_an_import_exactly_once_fails_the_build_with_its_name() {
    let wasm = module(&[(GLUE_MODULE, LOG), (GLUE_MODULE, NOW)], &[], &[]);
    let missing = glue(LOG, "__wbg_now_ffffffffffffffff", GLUE_MODULE, SHIM);
    let error = shorten(&wasm, &missing).unwrap_err();
    assert!(error.contains(NOW) && error.contains("0 times"), "{error}");
    let twice = format!("{};{LOG}", glue(LOG, NOW, GLUE_MODULE, SHIM));
    let error = shorten(&wasm, &twice).unwrap_err();
    assert!(error.contains(LOG) && error.contains("2 times"), "{error}");
    let no_module = glue(LOG, NOW, "./other_bg.js", SHIM);
    let error = shorten(&wasm, &no_module).unwrap_err();
    assert!(error.contains(GLUE_MODULE), "{error}");
}

#[test]
fn what_is_not_a_whole_wasm_module_is_refused() {
    assert!(
        shorten(b"not wasm", "")
            .unwrap_err()
            .contains("the wasm cannot be read at byte 0: magic header not detected")
    );
    let mut cut = module(&[(GLUE_MODULE, LOG)], &[], &[]);
    cut.truncate(cut.len() - 2);
    assert!(
        shorten(&cut, "")
            .unwrap_err()
            .contains("ends in the middle")
    );
}

#[test]
fn the_glue_rewritten_gets_its_new_integrity_and_nothing_else_does() {
    use frontline_figures::prerender::with_integrity;
    // sha384 of "abc", as `openssl dgst -sha384 -binary | base64` gives it.
    const ABC: &str = "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn";
    let page = r#"<link crossorigin href=./site-1.js integrity=sha384-OLD rel=modulepreload><link href="./other.js" integrity="sha384-KEEP" rel=modulepreload><script src="/x/site-1.js" integrity='sha384-OLD'></script>"#;
    assert_eq!(
        with_integrity(page, "site-1.js", b"abc").unwrap(),
        format!(
            r#"<link crossorigin href=./site-1.js integrity={ABC} rel=modulepreload><link href="./other.js" integrity="sha384-KEEP" rel=modulepreload><script src="/x/site-1.js" integrity='{ABC}'></script>"#
        )
    );
    let md5 = "<link href=./site-1.js integrity=md5-OLD rel=modulepreload>";
    let error = with_integrity(md5, "site-1.js", b"abc").unwrap_err();
    assert!(
        error.contains("site-1.js") && error.contains("md5-OLD"),
        "{error}"
    );
}

#[test]
fn a_shim_the_glue_wraps_in_a_function_of_the_same_name_is_renamed_with_it_and_its_calls() {
    let wasm = module(&[], &[(SHIM, 0)], &[]);
    // As wasm-bindgen writes it: a function of the shim's name, passed by name to the closure
    // maker. Its new name is none of the glue's own (`a` and `b` are taken).
    let js =
        format!("function {SHIM}(a,b){{wasm.{SHIM}(a,b)}}function m(a,b){{return mk(a,b,{SHIM})}}");
    let renamed = shorten(&wasm, &js).unwrap();
    assert_eq!(renamed.wasm, module(&[], &[("c", 0)], &[]));
    assert_eq!(
        renamed.js,
        "function c(a,b){wasm.c(a,b)}function m(a,b){return mk(a,b,c)}"
    );
    // The same name also an object's key: no longer the glue's function alone, so kept.
    let keyed = format!("{js};x={{{SHIM}:1}}");
    let renamed = shorten(&wasm, &keyed).unwrap();
    assert_eq!(renamed.wasm, wasm);
    assert_eq!(renamed.js, keyed);
}

/// The pair `shorten` makes of the test module, and that pair with `edit` applied to its glue
/// and `wasm` in place of its module: a renaming skipped in one of the two files.
fn skipped(edit: impl Fn(&str) -> String, wasm: Option<Vec<u8>>) -> Result<(), String> {
    let original = module(
        &[(GLUE_MODULE, LOG), (GLUE_MODULE, NOW)],
        &[(SHIM, 2), ("memory", 2), ("__wbindgen_malloc", 2)],
        &[],
    );
    let renamed = shorten(&original, &glue(LOG, NOW, GLUE_MODULE, SHIM)).unwrap();
    let edited = Renamed {
        js: edit(&renamed.js),
        wasm: wasm.unwrap_or(renamed.wasm),
        names: renamed.names,
    };
    verify(&original, &edited)
}

#[test]
fn a_renaming_skipped_in_the_glue_or_the_wasm_fails_the_build_with_its_name() {
    assert_eq!(skipped(|js| js.to_string(), None), Ok(()));
    // The glue keeps an import's old name (its key `b`).
    let error = skipped(|js| js.replacen("b:", &format!("{NOW}:"), 1), None).unwrap_err();
    assert!(
        error.contains(&format!("the glue still names the import {NOW}"))
            && error.contains(&format!("the glue has no key b for the import {NOW}")),
        "{error}"
    );
    // The glue keeps the module's old name.
    let error = skipped(
        |js| js.replacen("\"a\"", &format!("\"{GLUE_MODULE}\""), 1),
        None,
    );
    assert!(error.unwrap_err().contains(GLUE_MODULE));
    // The wasm keeps the shim's old name (or an import's), which the glue no longer uses.
    let exports = |shim| [(shim, 2), ("memory", 2), ("__wbindgen_malloc", 2)];
    let old_shim = module(&[("a", "a"), ("a", "b")], &exports(SHIM), &[]);
    let error = skipped(|js| js.to_string(), Some(old_shim)).unwrap_err();
    assert!(
        error.contains("the glue calls wasm.a, which the wasm does not export"),
        "{error}"
    );
    let old_import = module(&[("a", "a"), ("a", NOW)], &exports("a"), &[]);
    let error = skipped(|js| js.to_string(), Some(old_import)).unwrap_err();
    assert!(
        error.contains(&format!("the wasm still imports {NOW} by that name")),
        "{error}"
    );
    // The glue calls the shim by its old name, which the wasm no longer has.
    let error = skipped(
        |js| js.replacen("wasm.a(", &format!("wasm.{SHIM}("), 1),
        None,
    )
    .unwrap_err();
    assert!(
        error.contains(&format!(
            "the export {SHIM} is renamed a in the wasm but not in the glue"
        )),
        "{error}"
    );
    // Anything else in the wasm changed.
    let other = module(&[("a", "a"), ("a", "b")], &exports("a"), &["name"]);
    let error = skipped(|js| js.to_string(), Some(other)).unwrap_err();
    assert!(
        error.contains("differs from the original in its sections"),
        "{error}"
    );
}
