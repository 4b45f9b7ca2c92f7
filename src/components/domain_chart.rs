//! Mean self-rating by domain against the mean expected level, as an SVG bar
//! chart drawn here in Rust, always followed by a table of the same figures.

use crate::core::{decimal, framework::HIGHEST_LEVEL, scoring::GroupResult};
use leptos::prelude::*;

// Whole SVG units: at this scale a fraction of a unit is invisible, and
// integers keep float formatting out of the wasm.
const WIDTH: u32 = 600;
const ROW: u32 = 56;
const BAR_HEIGHT: u32 = 18;

fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "not rated".to_owned(), decimal::one_decimal)
}

#[component]
pub fn DomainChart(groups: Vec<GroupResult>, caption: &'static str) -> impl IntoView {
    let height = ROW * groups.len() as u32 + 8;
    let scale =
        |value: f64| (value / f64::from(HIGHEST_LEVEL) * f64::from(WIDTH - 8)).round() as u32;
    let summary = groups
        .iter()
        .map(|group| {
            format!(
                "{}: {} against {} expected",
                group.title,
                one_decimal(group.mean_rating),
                one_decimal(group.mean_expected)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="app-chart">
            <svg class="app-chart__svg" viewBox=format!("0 0 {WIDTH} {height}") role="img"
                aria-labelledby="chart-title chart-desc" focusable="false">
                <title id="chart-title">{caption}</title>
                <desc id="chart-desc">{summary}</desc>
                {groups.iter().enumerate().map(|(index, group)| {
                    let top = ROW * index as u32;
                    let rating = group.mean_rating.map_or(0, scale);
                    let expected = group.mean_expected.map(scale);
                    view! {
                        <g>
                            <text class="app-chart__label" x="0" y=top + 16>{group.title.clone()}</text>
                            <rect class="app-chart__track" x="0" y=top + 24 width=WIDTH - 8 height=BAR_HEIGHT></rect>
                            <rect class="app-chart__bar" x="0" y=top + 24 width=rating height=BAR_HEIGHT></rect>
                            {expected.map(|x| view! {
                                <line class="app-chart__expected" x1=x x2=x y1=top + 20 y2=top + 46></line>
                            })}
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="nhsuk-body-s">
                "Bars show your mean rating (1 to 4) in each domain; the black line shows the mean indicative expected level. The table below has the same figures."
            </figcaption>
        </figure>
        <GroupTable groups=groups caption=caption/>
    }
}

#[component]
pub fn GroupTable(groups: Vec<GroupResult>, caption: &'static str) -> impl IntoView {
    view! {
        <div class="app-table-scroll" tabindex="0" role="region" aria-label=caption>
            <table class="nhsuk-table app-results-table">
                <caption class="nhsuk-table__caption">{caption}</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">"Area"</th>
                        <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Your mean"</th>
                        <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Expected mean"</th>
                        <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Gaps"</th>
                        <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Not applicable"</th>
                        <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Unrated"</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    {groups.into_iter().map(|group| view! {
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="row">{group.title}</th>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{one_decimal(group.mean_rating)}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{one_decimal(group.mean_expected)}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{group.gaps}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{group.not_applicable}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{group.unrated}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
