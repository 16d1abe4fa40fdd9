//! Reading a value stored as one JSON string by its own parser ([`Text`]):
//! the `deserialize_with` functions for a required and an optional field,
//! shared by instants ([`super::instant`]) and dates ([`super::date`]).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// A value stored as one JSON string.
pub trait Text: Sized {
    /// What a field of this type holds, for serde's messages ("an RFC 3339
    /// formatted date and time string").
    const EXPECTING: &'static str;

    /// Reads `text`, or fails with the message the type's own
    /// `Deserialize` would give.
    fn parse<E: de::Error>(text: &str) -> Result<Self, E>;
}

struct TextVisitor<T>(PhantomData<T>);

impl<T: Text> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        T::parse(text)
    }
}

struct OptionalVisitor<T>(PhantomData<T>);

impl<'de, T: Text> Visitor<'de> for OptionalVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(formatter, "null or {}", T::EXPECTING)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Option<T>, D::Error> {
        required(inner).map(Some)
    }
}

/// Reads a required field of type `T`.
pub fn required<'de, T: Text, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_str(TextVisitor(PhantomData))
}

/// Reads an optional field of type `T` (`null` is `None`). The field also
/// needs `#[serde(default)]`, so that a missing field stays `None`, as it
/// is without `deserialize_with`.
pub fn optional<'de, T: Text, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    deserializer.deserialize_option(OptionalVisitor(PhantomData))
}
