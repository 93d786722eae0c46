/// What every page's frame needs: the title and which main section is current.
pub struct Layout {
    pub title: String,
    /// `home`, `organisaties` or `samenwerkingen`; marks the current link in the navigation.
    pub section: &'static str,
}

impl Layout {
    pub fn new(title: impl Into<String>, section: &'static str) -> Self {
        Self {
            title: title.into(),
            section,
        }
    }

    pub fn current(&self, section: &str) -> bool {
        self.section == section
    }
}
