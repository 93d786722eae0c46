//! Validation errors that name the field they belong to, with a message for the user (Dutch
//! here, any language in the web layer: see [`Message`]).

use serde::Serialize;

use crate::messages::Message;

/// One problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// The field as the API names it, e.g. `name` or `scores.verplicht-karakter`.
    pub field: String,
    /// A stable machine code, e.g. `required`, `out_of_range`.
    pub code: &'static str,
    /// The message for the user, in Dutch.
    #[schema(value_type = String)]
    pub message: Message,
}

/// All problems found in one request; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("ongeldige invoer: {}", self.summary())]
pub struct ValidationErrors {
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: impl Into<String>, code: &'static str, message: Message) -> Self {
        let mut errors = Self::new();
        errors.add(field, code, message);
        errors
    }

    pub fn add(&mut self, field: impl Into<String>, code: &'static str, message: Message) {
        self.errors.push(FieldError {
            field: field.into(),
            code,
            message,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The message for one field, if there is one (for showing next to the form field).
    pub fn for_field(&self, field: &str) -> Option<&Message> {
        self.errors.iter().find(|e| e.field == field).map(|e| &e.message)
    }

    /// Collects the error of a parse into this list and returns the value if it parsed.
    pub fn collect<T>(&mut self, result: Result<T, ValidationErrors>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(more) => {
                self.errors.extend(more.errors);
                None
            }
        }
    }

    /// `Ok(value)` when nothing was collected, else all collected errors.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, ValidationErrors> {
        if self.is_empty() { Ok(value()) } else { Err(self) }
    }

    fn summary(&self) -> String {
        self.errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ")
    }
}
