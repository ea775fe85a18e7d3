//! JSON Schemas for the content files, generated from the taxonomy so that an editor's
//! suggestions (families, subjects, dimension names, routes) are always the real lists.
//! `cargo run --bin content -- schemas` writes them to `assets/schema/`; the content check
//! fails if the committed copies are out of date.

use serde_json::{Value, json};

use super::catalogue::Role;
use super::check::{POINTS_MAX, PROFILE_MAX};
use super::quiz::Format;
use super::strings::{PageStrings, UiStrings};
use super::taxonomy::{Group, Taxonomy};

/// (file name under `assets/schema/`, schema) for every content file.
pub fn all(t: &Taxonomy) -> Vec<(&'static str, Value)> {
    vec![
        ("taxonomy.schema.json", taxonomy()),
        ("roles.schema.json", roles(t)),
        ("quiz.schema.json", quiz(t)),
        ("strings.schema.json", strings()),
    ]
}

/// Pretty JSON with a final newline, as written to disk.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a JSON value always serialises");
    text.push('\n');
    text
}

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

fn text(description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "description": description })
}

fn one_of_ids(ids: Vec<&str>, description: &str) -> Value {
    json!({ "type": "string", "enum": ids, "description": description })
}

fn profile(t: &Taxonomy, group: Group, description: &str) -> Value {
    let ids = t.dimension_ids(group);
    let props: serde_json::Map<String, Value> = ids
        .iter()
        .map(|id| {
            (
                (*id).to_owned(),
                json!({ "type": "integer", "minimum": 0, "maximum": PROFILE_MAX }),
            )
        })
        .collect();
    json!({
        "type": "object",
        "description": description,
        "properties": props,
        "required": ids,
        "additionalProperties": false
    })
}

fn url(description: &str) -> Value {
    json!({ "type": "string", "pattern": "^https://", "description": description })
}

pub fn roles(t: &Taxonomy) -> Value {
    let families: Vec<&str> = t.families.iter().map(|f| f.id.as_str()).collect();
    let routes: Vec<&str> = t.routes.iter().map(|r| r.id.as_str()).collect();
    let bands: Vec<&str> = t.pay.bands.iter().map(|b| b.band.as_str()).collect();
    let scales: Vec<&str> = t.pay.scales.iter().map(|s| s.id.as_str()).collect();
    let dims: Vec<&str> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .collect();
    let role = json!({
        "type": "object",
        "required": Role::REQUIRED_FIELDS,
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Stable id, lower case with dashes. Never change it once published." },
            "title": text("The job title."),
            "clinical": { "type": "boolean", "description": "true if the job diagnoses, treats or cares for patients directly." },
            "summary": text("One or two short sentences: what the job is for (35 words at most)."),
            "day": text("A day in the role: two to four short sentences, second person (70 words at most)."),
            "patient_contact": { "enum": ["lots", "some", "none"], "description": "How much of the job is spent with patients." },
            "workplaces": { "type": "array", "items": text("A place, e.g. \"Hospitals\"."), "minItems": 1, "maxItems": 4 },
            "subjects": { "type": "array", "items": one_of_ids(t.dimension_ids(Group::Subjects), "A school subject id."), "minItems": 1, "maxItems": 4, "uniqueItems": true, "description": "Most useful first." },
            "routes": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["route", "detail"],
                    "additionalProperties": false,
                    "properties": {
                        "route": one_of_ids(routes, "A route in."),
                        "level": { "type": "integer", "minimum": 2, "maximum": 7, "description": "Apprenticeship level (apprenticeships and degree apprenticeships only)." },
                        "detail": text("One short sentence about this route.")
                    }
                }
            },
            "pay": {
                "description": "NHS Agenda for Change bands, or a pay scale id for jobs not on it.",
                "oneOf": [
                    {
                        "type": "object",
                        "required": ["bands"],
                        "additionalProperties": false,
                        "properties": {
                            "bands": {
                                "type": "object",
                                "required": ["from", "to"],
                                "additionalProperties": false,
                                "properties": { "from": { "enum": bands }, "to": { "enum": bands } }
                            }
                        }
                    },
                    {
                        "type": "object",
                        "required": ["scale"],
                        "additionalProperties": false,
                        "properties": { "scale": { "enum": scales } }
                    }
                ]
            },
            "myth": text("One or two short sentences that bust a myth. Never name a sex or gender: show who does the job without repeating a stereotype."),
            "gentle_intro": text("Optional: for a job whose day involves death, serious illness or keeping people safe from harm, one or two calm sentences shown first on its page. Such a role is never a wildcard."),
            "interests": profile(t, Group::Interests, "How strongly the job fits each interest type, 0 to 5."),
            "skills": profile(t, Group::Skills, "How much the job uses each skill, 0 to 5."),
            "work_style": profile(t, Group::WorkStyle, "How much the job is like this, 0 to 5."),
            "links": {
                "type": "object",
                "description": "Dimension id → one sentence on how it shows up in this job, joined to a student's answer as a reason. Only for dimensions the role rates 4 or 5, or its first two subjects.",
                "propertyNames": { "enum": dims },
                "additionalProperties": text("How this shows up in the job (8 to 16 words).")
            },
            "sources": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["title", "url"],
                    "additionalProperties": false,
                    "properties": { "title": text("What the source is."), "url": url("Where it is.") }
                }
            },
            "checked": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "The date (YYYY-MM-DD) the title, routes and pay were last checked against the sources." },
            "read_more": url("Optional: the official careers page for this role."),
            "editor_note": { "type": "string", "description": "Optional, never shown to students: what is not yet checked." }
        }
    });
    json!({
        "$schema": DRAFT,
        "title": "Find Your Fit: the roles in one family",
        "type": "object",
        "required": ["family", "roles"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "family": one_of_ids(families, "The family id; must match the file name."),
            "roles": { "type": "array", "items": role }
        }
    })
}

pub fn quiz(t: &Taxonomy) -> Value {
    let dims: Vec<&str> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .collect();
    let adds_props: serde_json::Map<String, Value> = dims
        .iter()
        .map(|d| {
            (
                (*d).to_owned(),
                json!({ "type": "integer", "minimum": 1, "maximum": POINTS_MAX }),
            )
        })
        .collect();
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.id()).collect();
    json!({
        "$schema": DRAFT,
        "title": "Find Your Fit: the quiz",
        "type": "object",
        "required": ["scales", "items"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "scales": {
                "type": "object",
                "required": ["activity", "rating"],
                "additionalProperties": false,
                "properties": {
                    "activity": { "$ref": "#/definitions/scale" },
                    "rating": { "$ref": "#/definitions/scale" }
                }
            },
            "items": { "type": "array", "items": { "$ref": "#/definitions/item" } }
        },
        "definitions": {
            "scale": {
                "type": "array",
                "minItems": 2,
                "items": {
                    "type": "object",
                    "required": ["level", "label", "value"],
                    "additionalProperties": false,
                    "properties": {
                        "level": { "type": "string" },
                        "label": text("The button text."),
                        "value": { "type": ["number", "null"], "minimum": -1, "maximum": 1, "description": "How strongly this answer speaks for what the item measures: 1 most, negative against, null no evidence (not sure)." }
                    }
                }
            },
            "points": {
                "type": "object",
                "description": "Dimension id → points, 1 to 3 each.",
                "properties": adds_props,
                "additionalProperties": false
            },
            "because": {
                "type": "array",
                "minItems": 1,
                "items": one_of_ids(dims.clone(), "A dimension the reason sentence is about."),
                "description": "The dimensions the reason is about; a reason shows only on jobs built on one of them. Default: those with the most points."
            },
            "item": {
                "type": "object",
                "required": ["id", "format", "prompt"],
                "additionalProperties": false,
                "properties": {
                    "id": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Stable id. Never change it once published." },
                    "format": { "enum": formats },
                    "prompt": text("What the student reads (16 words at most)."),
                    "note": { "type": "string", "description": "For editors: what the item measures and why it is in the quiz." },
                    "max_choices": { "type": "integer", "minimum": 1, "maximum": 5, "description": "subjects items only." },
                    "measures": { "$ref": "#/definitions/points", "description": "activity and rating items: what the item measures. Each answer's scale value applies to all of it." },
                    "because": { "$ref": "#/definitions/because" },
                    "reasons": {
                        "type": "object",
                        "description": "activity and rating items: scale level → the sentence shown on results, for every level whose value is above 0.",
                        "additionalProperties": text("Second-person sentence about the student.")
                    },
                    "options": { "type": "array", "minItems": 2, "items": { "$ref": "#/definitions/option" }, "description": "this_or_that, scenario and subjects items." }
                }
            },
            "option": {
                "type": "object",
                "required": ["id", "adds"],
                "additionalProperties": false,
                "properties": {
                    "id": { "type": "string", "description": "Stable id (a subject id for subjects)." },
                    "label": text("this_or_that and scenario options: the button text."),
                    "adds": { "$ref": "#/definitions/points" },
                    "because": { "$ref": "#/definitions/because" },
                    "reason": text("Second-person sentence shown on results to explain a match. Needed when adds is not empty.")
                }
            }
        }
    })
}

pub fn taxonomy() -> Value {
    let dimension = json!({
        "type": "object",
        "required": ["id", "name", "strength"],
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$" },
            "name": text("Short name shown to students."),
            "strength": text("Positive second-person sentence for the strengths screen."),
            "link": text("How this shows up in a job built on it, for reasons when a role has no link of its own.")
        }
    });
    let subject = json!({
        "type": "object",
        "required": ["id", "name", "link"],
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$" },
            "name": text("Name shown to students."),
            "link": text("How the subject is used in a job that lists it first or second."),
            "covers": { "type": "array", "items": { "type": "string" }, "description": "A broad subject (Science) stands for these subject ids." }
        }
    });
    let named = json!({
        "type": "object",
        "required": ["id", "name"],
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$" },
            "name": text("Name shown to students.")
        }
    });
    json!({
        "$schema": DRAFT,
        "title": "Find Your Fit: shared lists",
        "type": "object",
        "required": ["interests", "skills", "work_styles", "subjects", "families", "routes", "patient_contact", "pay"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "interests": { "type": "array", "items": dimension },
            "skills": { "type": "array", "items": dimension },
            "work_styles": { "type": "array", "items": dimension },
            "subjects": { "type": "array", "items": subject },
            "routes": { "type": "array", "items": named },
            "patient_contact": { "type": "array", "items": named },
            "families": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "about", "read_more"],
                    "additionalProperties": false,
                    "properties": {
                        "id": { "type": "string", "pattern": "^[a-z0-9]+(_[a-z0-9]+)*$", "description": "Also the role file name: content/roles/<id>.json." },
                        "name": text("Family name."),
                        "about": text("One sentence about the family."),
                        "read_more": url("Official careers page for the family."),
                        "familiar": { "type": "boolean", "description": "A family nearly every student knows already (doctors, nursing): never the wildcard." }
                    }
                }
            },
            "pay": {
                "type": "object",
                "required": ["title", "source", "bands", "scales"],
                "additionalProperties": false,
                "properties": {
                    "title": text("Which pay table this is."),
                    "source": url("Where the figures come from."),
                    "bands": {
                        "type": "array",
                        "description": "Lowest first.",
                        "items": {
                            "type": "object",
                            "required": ["band", "entry", "top"],
                            "additionalProperties": false,
                            "properties": {
                                "band": { "type": "string" },
                                "entry": { "type": "integer", "minimum": 0 },
                                "top": { "type": "integer", "minimum": 0 }
                            }
                        }
                    },
                    "scales": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["id", "text"],
                            "additionalProperties": false,
                            "properties": { "id": { "type": "string" }, "text": text("What students read about this pay.") }
                        }
                    }
                }
            }
        }
    })
}

pub fn strings() -> Value {
    let ui_descriptions: Vec<(String, String)> = UiStrings::KEYS
        .iter()
        .map(|(key, placeholders)| {
            let uses = if placeholders.is_empty() {
                "Interface text.".to_owned()
            } else {
                let names: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
                format!("Interface text; uses {}.", names.join(", "))
            };
            ((*key).to_owned(), uses)
        })
        .collect();
    let ui_keys: Vec<(&str, &str)> = ui_descriptions
        .iter()
        .map(|(k, d)| (k.as_str(), d.as_str()))
        .collect();
    let section = |keys: &[(&str, &str)]| {
        let props: serde_json::Map<String, Value> = keys
            .iter()
            .map(|(k, d)| ((*k).to_owned(), text(d)))
            .collect();
        let required: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
        json!({ "type": "object", "required": required, "additionalProperties": false, "properties": props })
    };
    json!({
        "$schema": DRAFT,
        "title": "Find Your Fit: sentences built by the game, for one language",
        "type": "object",
        "required": ["language", "reasons", "pay", "strengths", "ui", "page"],
        "additionalProperties": false,
        "properties": {
            "$schema": { "type": "string" },
            "language": { "type": "string", "description": "Language tag, e.g. en-GB; also the file name." },
            "reasons": section(&[
                ("interest_type", "Uses {type}: one of the student's top interest types."),
                ("wildcard", "Uses {family}: the wildcard role's family."),
                ("skill_to_grow", "Uses {skill}: the skill the role needs most."),
                ("explore", "Shown when the answers say little about a role.")
            ]),
            "pay": section(&[
                ("band", "Uses {band}, {entry}, {top}."),
                ("band_fixed", "Uses {band}, {entry}."),
                ("band_range", "Uses {from}, {to}, {entry}, {top}.")
            ]),
            "strengths": section(&[("none_yet", "Shown when no strength stands out yet.")]),
            "ui": section(&ui_keys),
            "page": section(PageStrings::KEYS)
        }
    })
}
