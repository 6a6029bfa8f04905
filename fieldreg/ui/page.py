"""What the window asks of each page of its work area, so that it calls them by name, not by
`getattr`: clearing every personal value on lock, handing over unsaved input to be sealed and
taking it back on unlock (see lock_controller.py), and where the cursor goes on arrival.

Pages mix these in before their Qt base (`class SyncPage(Retranslates, Page, QWidget)`); a
`typing.Protocol` cannot be, as its metaclass and Qt's clash, and the window needs the pages to
be widgets as well.
"""

from __future__ import annotations

from fieldreg.ui.translations import WidgetMixin


class Page(WidgetMixin):
    def clear_personal_data(self) -> None:
        """Remove every personal value from the page and its dialogs (the store is locking)."""
        raise NotImplementedError(f"{type(self).__name__} must clear its personal data")

    def export_draft(self) -> dict[str, object] | None:
        """Unsaved input to seal while locked; None when there is none (or nothing to keep)."""
        return None

    def import_draft(self, draft: dict[str, object]) -> None:
        """Take back what `export_draft` gave, after the unlock."""

    def focus_first(self) -> None:
        """The page has just been shown: where the cursor goes (else where it last was)."""
        if not self.isAncestorOf(self.window().focusWidget()):
            self.focusNextChild()


class FormPage(Page):
    """A page where people are registered: started afresh, and filled from a search."""

    def start_new(self) -> None:
        raise NotImplementedError

    def fill_from_search(self, values: dict[str, str]) -> None:
        """The names and date typed in the search, on an empty form."""
        raise NotImplementedError
