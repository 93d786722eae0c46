/// A database URL, parsed once to choose the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    /// `sqlite://file.db`, `sqlite:file.db` or `sqlite::memory:` for SQLite;
    /// `postgres://…` or `postgresql://…` for PostgreSQL. Anything else is refused, so a typo
    /// never creates a stray file.
    pub fn parse(url: &str) -> Result<Self, crate::StoreError> {
        let url = url.trim();
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite(url.to_owned()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            let scheme = url.split(':').next().unwrap_or_default();
            Err(crate::StoreError::UnsupportedUrl(format!(
                "Onbekende database-URL '{scheme}:…': gebruik sqlite://bestand.db of postgres://gebruiker@host/database."
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_choose_the_backend() {
        assert!(matches!(
            DatabaseUrl::parse("sqlite://x.db"),
            Ok(DatabaseUrl::Sqlite(_))
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgres://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
    }

    #[test]
    fn unknown_schemes_are_refused() {
        for bad in ["mysql://x", "x.db", "", "sqlite3://x"] {
            assert!(DatabaseUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
