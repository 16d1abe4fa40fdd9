//! The face map: tappable zones on an inline SVG, with a list equivalent.
//!
//! Invariants:
//! - The list of checkboxes is the control that carries the semantics
//!   (screen readers, keyboard). The drawing is `aria-hidden`: it is a
//!   pointer shortcut bound to the same signal, so nothing is heard twice.
//! - The map is drawn as in a mirror: the person's own left cheek is on the
//!   left of the screen, and a hint says so.
//! - A selected zone is filled, outlined more thickly and ticked (✓) in its
//!   label, so its state never rests on colour alone; an unavailable zone is
//!   greyed, crossed (✕), cannot be picked, and its reason is shown in words
//!   next to its checkbox.
//! - An unavailable zone is shown unticked even when `selected` still holds
//!   it; the owner of `selected` decides what to do with such a zone.

use leptos::prelude::*;

use crate::domain::order;
use crate::domain::Zone;
use crate::ui::text;

/// The outline of one zone in the drawing (viewBox 0 0 240 356) and where
/// its short label sits.
struct Shape {
    zone: Zone,
    d: &'static str,
    label_x: u16,
    label_y: u16,
}

const SHAPES: [Shape; 9] = [
    Shape {
        zone: Zone::Forehead,
        d: "M53 70 C55 35 85 18 120 18 C155 18 185 35 187 70 Z",
        label_x: 120,
        label_y: 52,
    },
    Shape {
        zone: Zone::Nose,
        d: "M110 76 L130 76 L140 146 C132 152 108 152 100 146 Z",
        label_x: 120,
        label_y: 138,
    },
    Shape {
        zone: Zone::LeftCheek,
        d: "M50 106 L97 106 L92 152 L64 166 C56 150 51 130 50 106 Z",
        label_x: 74,
        label_y: 138,
    },
    Shape {
        zone: Zone::RightCheek,
        d: "M190 106 L143 106 L148 152 L176 166 C184 150 189 130 190 106 Z",
        label_x: 166,
        label_y: 138,
    },
    Shape {
        zone: Zone::UpperLip,
        d: "M90 155 C106 160 134 160 150 155 L150 172 L90 172 Z",
        label_x: 120,
        label_y: 168,
    },
    Shape {
        zone: Zone::Chin,
        d: "M96 190 L144 190 L146 218 C136 230 104 230 94 218 Z",
        label_x: 120,
        label_y: 212,
    },
    Shape {
        zone: Zone::Jawline,
        d: "M62 174 L94 178 L90 218 C78 210 68 196 62 174 Z M178 174 L146 178 L150 218 C162 210 172 196 178 174 Z",
        label_x: 80,
        label_y: 200,
    },
    Shape {
        zone: Zone::Neck,
        d: "M90 238 L150 238 L154 286 L86 286 Z",
        label_x: 120,
        label_y: 266,
    },
    Shape {
        zone: Zone::Decolletage,
        d: "M16 350 C24 306 58 294 86 292 L154 292 C182 294 216 306 224 350 Z",
        label_x: 120,
        label_y: 328,
    },
];

/// The short label drawn inside a zone of the map.
fn short_label(zone: Zone, selected: bool, unavailable: bool) -> String {
    let mark = if unavailable {
        "✕ "
    } else if selected {
        "✓ "
    } else {
        ""
    };
    format!("{mark}{}", text::session::face_map::short_name(zone))
}

/// The CSS class of a zone in the drawing.
fn zone_class(selected: bool, unavailable: bool) -> &'static str {
    match (unavailable, selected) {
        (true, _) => "face-zone is-unavailable",
        (false, true) => "face-zone is-selected",
        (false, false) => "face-zone",
    }
}

/// Adds `zone` to `list` or removes it, keeping the guided order.
pub fn toggle_zone(list: &mut Vec<Zone>, zone: Zone) {
    if let Some(i) = list.iter().position(|z| *z == zone) {
        list.remove(i);
    } else {
        list.push(zone);
        order::sort_by_key(list, |z| z.order());
    }
}

/// The face map with its list equivalent. See the module invariants.
#[component]
pub fn FaceMap(
    /// Zones currently marked by the person.
    selected: RwSignal<Vec<Zone>>,
    /// Zones that cannot be picked, each with a short reason shown next to it.
    #[prop(optional, into)]
    unavailable: Signal<Vec<(Zone, String)>>,
    /// The accessible name of the group, e.g. "Zones with a problem today".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let reason_of = move |zone: Zone| {
        unavailable.with(|list| {
            list.iter()
                .find(|(z, _)| *z == zone)
                .map(|(_, reason)| reason.clone())
        })
    };
    let is_unavailable =
        move |zone: Zone| unavailable.with(|list| list.iter().any(|(z, _)| *z == zone));
    let is_selected = move |zone: Zone| selected.with(|list| list.contains(&zone));
    let toggle = move |zone: Zone| {
        if !is_unavailable(zone) {
            selected.update(|list| toggle_zone(list, zone));
        }
    };

    let drawing = SHAPES
        .iter()
        .map(|shape| {
            let zone = shape.zone;
            view! {
                <g
                    class=move || zone_class(is_selected(zone), is_unavailable(zone))
                    on:click=move |_| toggle(zone)
                >
                    <path d=shape.d />
                    <text x=shape.label_x y=shape.label_y text-anchor="middle">
                        {move || short_label(zone, is_selected(zone), is_unavailable(zone))}
                    </text>
                </g>
            }
        })
        .collect_view();

    let list = Zone::ALL
        .iter()
        .map(|zone| {
            let zone = *zone;
            view! {
                <li>
                    <label class=move || {
                        if is_unavailable(zone) { "choice face-choice is-unavailable" } else { "choice face-choice" }
                    }>
                        <input
                            type="checkbox"
                            prop:checked=move || is_selected(zone) && !is_unavailable(zone)
                            disabled=move || is_unavailable(zone)
                            on:change=move |_| toggle(zone)
                        />
                        <span class="face-choice-text">
                            <span class="face-choice-name">{text::zone_name(zone)}</span>
                            {move || {
                                reason_of(zone)
                                    .map(|reason| {
                                        view! {
                                            <span class="face-choice-reason">
                                                {text::session::face_map::UNAVAILABLE_PREFIX} " " {reason}
                                            </span>
                                        }
                                    })
                            }}
                        </span>
                    </label>
                </li>
            }
        })
        .collect_view();

    view! {
        <fieldset class="face-map">
            <legend>{label}</legend>
            <p class="hint">{text::session::face_map::MIRROR_HINT}</p>
            <div class="face-map-body">
                <svg
                    class="face-drawing"
                    viewBox="0 0 240 356"
                    aria-hidden="true"
                    focusable="false"
                >
                    <path class="face-outline" d="M120 17 C178 17 198 70 198 125 C198 190 160 233 120 233 C80 233 42 190 42 125 C42 70 62 17 120 17 Z" />
                    <ellipse class="face-feature" cx="80" cy="88" rx="17" ry="8" />
                    <ellipse class="face-feature" cx="160" cy="88" rx="17" ry="8" />
                    <ellipse class="face-feature" cx="120" cy="179" rx="20" ry="6" />
                    {drawing}
                </svg>
                <ul class="face-list">{list}</ul>
            </div>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_has_one_shape() {
        for zone in Zone::ALL {
            assert_eq!(
                SHAPES.iter().filter(|s| s.zone == zone).count(),
                1,
                "{zone:?}"
            );
        }
    }

    #[test]
    fn toggling_keeps_guided_order_and_removes() {
        let mut list = vec![];
        for zone in [Zone::Neck, Zone::Forehead, Zone::Chin] {
            toggle_zone(&mut list, zone);
        }
        assert_eq!(list, vec![Zone::Forehead, Zone::Chin, Zone::Neck]);
        toggle_zone(&mut list, Zone::Chin);
        assert_eq!(list, vec![Zone::Forehead, Zone::Neck]);
    }

    #[test]
    fn state_is_never_colour_alone() {
        let table = [
            (false, false, "face-zone", ""),
            (true, false, "face-zone is-selected", "✓ "),
            (false, true, "face-zone is-unavailable", "✕ "),
            (true, true, "face-zone is-unavailable", "✕ "),
        ];
        for (selected, unavailable, class, mark) in table {
            assert_eq!(zone_class(selected, unavailable), class);
            assert!(short_label(Zone::Nose, selected, unavailable).starts_with(mark));
        }
    }
}
