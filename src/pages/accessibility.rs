use crate::address::Page;
use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// The accessibility statement, laid out as GOV.UK and NHS services lay
/// theirs out so that people who read many of them find things in the usual
/// place.
#[component]
pub fn Accessibility() -> impl IntoView {
    view! {
        <PageHeading text="Accessibility statement"/>
        <p class="nhsuk-body-l">"This statement covers the MAPs Capability Checker: every page of this app, including the role pages, the capability check, results, and your data tools."</p>
        <p>"We want as many people as possible to be able to use this app. You should be able to:"</p>
        <ul>
            <li>"use every page and complete every journey with a keyboard alone, with a visible focus indicator at each step"</li>
            <li>"use the app with a screen reader: each question in a check has its own heading, and focus moves to it when the step changes so that the change is announced"</li>
            <li>"zoom in up to 400% without text spilling off the screen, and use the app on a screen as narrow as 320 pixels without scrolling sideways"</li>
            <li>"increase line, letter, word and paragraph spacing without losing any content"</li>
            <li>"use your device's high contrast or forced colours setting and still see links, buttons, answer options, focus and progress"</li>
            <li>"turn off animation using your device's reduced motion setting"</li>
            <li>"read every chart as a table as well: each chart is followed by a table of the same figures"</li>
        </ul>
        <p>"We have also tried to keep the language plain. The "
           <a href=Page::Glossary.href()>"glossary"</a>
           " explains the abbreviations and specialist terms used across the app."</p>

        <h2 class="nhsuk-heading-m">"How accessible this app is"</h2>
        <p>"We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Our automated and keyboard tests have found no failures against that standard. We know of these limitations:"</p>
        <ul>
            <li>"Text is shown in Arial rather than the NHS typeface, Frutiger, because the app does not load any file from another website. This does not affect how the app works."</li>
            <li>"We have not yet recorded a test with a screen reader (JAWS, NVDA or VoiceOver) by a person who uses one every day. Until we do, some problems that only show up in real use may remain."</li>
            <li>"Links in the sources list open other organisations' websites, which are outside our control and may not meet the same standard."</li>
            <li>"A downloaded spreadsheet (CSV) file is plain data. How accessible it is depends on the program you open it with."</li>
        </ul>

        <h2 class="nhsuk-heading-m">"Feedback and reporting accessibility problems"</h2>
        <p>"This app has no contact email address or phone number yet. If you find a problem, or need information from the app in another format, please tell us by opening an issue in the project's public code repository. Say which page you were on, what you were trying to do, and what device, browser and assistive technology you use."</p>
        <p>"Please do not include your answers or any personal or patient information in an issue: issues are public."</p>

        <h2 class="nhsuk-heading-m">"Technical information about this app's accessibility"</h2>
        <p>"This app is not an NHS service or a public sector website, so the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 may not apply to it. We follow the same approach anyway, because it is good practice."</p>
        <h3 class="nhsuk-heading-s">"Compliance status"</h3>
        <p>"We believe this app meets WCAG 2.2 level AA, but it has not yet been checked by hand by an independent auditor or tested with screen reader users, so we do not yet claim that it is fully compliant."</p>

        <h2 class="nhsuk-heading-m">"How we tested this app"</h2>
        <p>"We test the app in these ways:"</p>
        <ul>
            <li>"every page is scanned with axe-core against the WCAG 2.0, 2.1 and 2.2 level A and AA rules, and its best-practice rules, at screen widths of 320, 390 and 1,280 pixels, and again with forced colours turned on"</li>
            <li>"every page is checked for sideways scrolling at 320 pixels wide, the same as a 1,280 pixel screen at 400% zoom"</li>
            <li>"pages are checked with extra line, letter, word and paragraph spacing"</li>
            <li>"the main journeys are completed using the keyboard alone: finding a route into a role, a quick capability check, reading the results, and exporting your data"</li>
        </ul>

        <h2 class="nhsuk-heading-m">"What we are doing to improve accessibility"</h2>
        <p>"We plan to test the app with screen reader users, starting with NVDA and VoiceOver, and to fix anything they find. This statement will be updated after each round of testing."</p>

        <h2 class="nhsuk-heading-m">"Preparation of this accessibility statement"</h2>
        <p>"This statement was prepared on 21 November 2026. It was last reviewed on 21 November 2026."</p>
    }
}
