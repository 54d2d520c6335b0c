"""The selected variant: HQ source copy and the localized variant side by side.

The variant is shown in a font for its script and laid out right to left for
RTL languages; its image is scaled beside it (click to enlarge); HQ's notes and
a "changed since your vote" banner sit above.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from culturepanel.formatting import format_day, format_window
from culturepanel.i18n import _
from culturepanel.locales import display_locale
from culturepanel.review.session import ReviewSession, VariantRow
from culturepanel.ui.fonts import direction_for_locale, font_for_locale


class ClickableImage(QLabel):
    """A scaled thumbnail; a click (or Enter) opens it full size."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setToolTip(_("Click to enlarge"))
        self.setAccessibleName(_("Image of the variant"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


class TextPane(QFrame):
    """A titled, read-only text block."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("TextPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(title)
        self.title.setObjectName("PaneTitle")
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.body.setTabChangesFocus(True)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.body.setMinimumHeight(60)
        self.body.setMaximumHeight(170)

    def show_text(self, text: str, locale: str) -> None:
        self.body.setPlainText(text)
        self.body.setFont(font_for_locale(locale, self.font(), 1.25))
        direction = direction_for_locale(locale)
        self.body.setLayoutDirection(direction)
        option = self.body.document().defaultTextOption()
        option.setTextDirection(direction)
        option.setAlignment(
            Qt.AlignmentFlag.AlignRight
            if direction == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        self.body.document().setDefaultTextOption(option)
        self.body.setAccessibleName(self.title.text())


class VariantDetail(QWidget):
    """Everything HQ sent about one variant."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.variant: VariantRow | None = None
        self._pixmap = QPixmap()

        self.heading = QLabel()
        self.heading.setObjectName("VariantHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel()
        self.facts.setObjectName("VariantFacts")
        self.facts.setWordWrap(True)
        self.changed = QLabel()
        self.changed.setObjectName("ChangedBanner")
        self.changed.setWordWrap(True)
        self.changed.hide()
        self.notes = QLabel()
        self.notes.setObjectName("NotesBox")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source = TextPane(_("HQ source copy"))
        self.target = TextPane(_("Localized variant"))
        self.image = ClickableImage()
        self.image.setMinimumSize(QSize(160, 100))
        self.image.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.clicked.connect(self.enlarge_image)

        texts = QGridLayout()
        texts.setSpacing(10)
        texts.addWidget(self.source, 0, 0)
        texts.addWidget(self.target, 0, 1)
        texts.setColumnStretch(0, 1)
        texts.setColumnStretch(1, 1)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.changed)
        layout.addWidget(self.notes)
        layout.addLayout(texts, 1)
        layout.addWidget(self.image)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_variant(self, variant: VariantRow | None) -> None:
        self.variant = variant
        if variant is None:
            self.heading.setText(_("No variant selected"))
            for w in (self.facts, self.changed, self.notes, self.image):
                w.hide()
            self.source.body.clear()
            self.target.body.clear()
            return
        self.heading.setText(f"{variant.key}")
        lang = self._ui_lang()
        facts = [
            _("Locale: {locale} ({name})").format(
                locale=variant.locale_label, name=display_locale(variant.locale, lang)
            ),
            _("Channel: {channel}").format(channel=variant.channel or "—"),
            _("Launch: {window}").format(
                window=format_window(variant.launch_start, variant.launch_end) or _("not given")
            ),
        ]
        self.facts.setText("   ·   ".join(facts))
        self.facts.show()
        if self.session.changed_since_vote(variant):
            vote = self.session.vote(variant.id)
            when = format_day(vote.updated_at[:10]) if vote and vote.updated_at else ""
            self.changed.setText(
                "✎ "
                + _(
                    "Changed since your vote ({date}): HQ updated this variant after you "
                    "voted. Please check your vote again."
                ).format(date=when)
            )
            self.changed.show()
        else:
            self.changed.hide()
        if variant.notes:
            self.notes.setText(_("Note from HQ: {note}").format(note=variant.notes))
            self.notes.show()
        else:
            self.notes.hide()
        self.source.show_text(variant.source_text or _("(no source copy given)"), "en")
        self.target.show_text(variant.text, variant.locale)
        self.target.title.setText(
            _("Localized variant — {locale}").format(locale=variant.locale_label)
        )
        self._show_image(variant.asset_id)

    def _ui_lang(self) -> str:
        from culturepanel.i18n import current_language

        return current_language()

    def _show_image(self, asset_id: str | None) -> None:
        self._pixmap = QPixmap()
        if asset_id:
            asset = self.session.asset(asset_id)
            if asset:
                self._pixmap.loadFromData(asset[1])
        if self._pixmap.isNull():
            self.image.hide()
            return
        self.image.setPixmap(
            self._pixmap.scaled(
                QSize(420, 220),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.image.show()

    def enlarge_image(self) -> None:
        if self._pixmap.isNull():
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(
            _("Image — {key}").format(key=self.variant.key if self.variant else "")
        )
        label = QLabel()
        screen = self.screen().availableGeometry().size() * 0.85
        label.setPixmap(
            self._pixmap.scaled(
                screen,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            if self._pixmap.width() > screen.width() or self._pixmap.height() > screen.height()
            else self._pixmap
        )
        box = QVBoxLayout(dialog)
        box.addWidget(label)
        dialog.exec()
