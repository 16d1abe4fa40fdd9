//! The words of the session screen: today's check, the face map, the
//! preparation checklist, the soak timers and the guided session.

/// The words of the shared face map component.
pub mod face_map {
    use crate::domain::Zone;

    pub const MIRROR_HINT: &str =
        "The map shows your face as you see it in a mirror: your left cheek is on the left.";
    pub const UNAVAILABLE_PREFIX: &str = "Not today:";

    /// The short label drawn inside a zone of the map (the list next to it
    /// carries the full names).
    pub fn short_name(zone: Zone) -> &'static str {
        match zone {
            Zone::Forehead => "Forehead",
            Zone::Nose => "Nose",
            Zone::LeftCheek => "Left",
            Zone::RightCheek => "Right",
            Zone::UpperLip => "Upper lip",
            Zone::Chin => "Chin",
            Zone::Jawline => "Jaw",
            Zone::Neck => "Neck",
            Zone::Decolletage => "Chest",
        }
    }
}
