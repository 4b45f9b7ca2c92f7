//! "Source: A; B": the pages a statement is drawn from, each linked by its
//! title, from the role catalogue's list of sources.

use crate::core::content;
use leptos::prelude::*;

/// `ids` are ids in the role catalogue's sources; an id it lacks is left
/// out (content validation reports it).
#[component]
pub fn SourceLinks(ids: Vec<String>) -> impl IntoView {
    view! {
        "Source: "
        {ids.iter().enumerate().map(|(index, id)| view! {
            {(index > 0).then_some("; ")}
            {content::roles().source(id).map(|source| view! {
                <a href=source.url.clone() rel="noreferrer">{source.title.clone()}</a>
            })}
        }).collect_view()}
    }
}
