"""Settings: reviewer name and default role, theme, auto-lock, language (kept in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dpia_desk.ui.i18n import available_languages
from dpia_desk.ui.labels import ROLE_CODES, role_label
from dpia_desk.ui.settings import THEMES, Preferences
from dpia_desk.ui.widgets import FittedDialog, make_primary


class SettingsDialog(FittedDialog):
    """Edits :class:`Preferences`; ``preferences()`` returns what the user chose."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._language_at_start = preferences.language

        self.name_edit = QLineEdit(preferences.reviewer_name)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("As it should appear on sign-offs"))
        self.name_edit.setMaxLength(200)

        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName(self.tr("Default role"))
        for code in ROLE_CODES:
            self.role_combo.addItem(role_label(code), code)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(preferences.reviewer_role)))

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        theme_names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for code in THEMES:
            self.theme_combo.addItem(theme_names[code], code)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(preferences.theme)))

        self.lock_spin = QSpinBox()
        self.lock_spin.setAccessibleName(self.tr("Lock after idle minutes"))
        self.lock_spin.setRange(0, 24 * 60)
        self.lock_spin.setSuffix(self.tr(" min"))
        self.lock_spin.setSpecialValueText(self.tr("Never"))
        self.lock_spin.setValue(preferences.auto_lock_minutes)

        self.backup_every_combo = QComboBox()
        self.backup_every_combo.setAccessibleName(self.tr("Automatic backup"))
        choices = {
            0: self.tr("Never"),
            1: self.tr("Every day"),
            3: self.tr("Every 3 days"),
            7: self.tr("Every week"),
            30: self.tr("Every 30 days"),
        }
        if preferences.backup_every_days not in choices:
            choices[preferences.backup_every_days] = self.tr("Every {n} days").format(
                n=preferences.backup_every_days
            )
        for days in sorted(choices):
            self.backup_every_combo.addItem(choices[days], days)
        self.backup_every_combo.setCurrentIndex(
            max(0, self.backup_every_combo.findData(preferences.backup_every_days))
        )
        self.backup_keep_spin = QSpinBox()
        self.backup_keep_spin.setAccessibleName(self.tr("Automatic backups to keep"))
        self.backup_keep_spin.setRange(1, 100)
        self.backup_keep_spin.setValue(preferences.backup_keep)
        self.backup_every_combo.currentIndexChanged.connect(
            lambda _index: self.backup_keep_spin.setEnabled(self.backup_every_days() > 0)
        )
        self.backup_keep_spin.setEnabled(preferences.backup_every_days > 0)
        self.backup_note = QLabel(
            self.tr(
                "When the workspace opens and its newest automatic backup is older than this, "
                "an encrypted backup is written to the backup folder; the oldest beyond the "
                "number to keep are removed."
            )
        )
        self.backup_note.setProperty("role", "hint")
        self.backup_note.setWordWrap(True)

        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Follow the system"), "system")
        for code in available_languages():
            locale = QLocale(code)
            self.language_combo.addItem(locale.nativeLanguageName().capitalize() or code, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(preferences.language))
        )
        self.language_note = QLabel(self.tr("A new language applies the next time you start."))
        self.language_note.setProperty("role", "hint")
        self.language_note.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Your name:"), self.name_edit)
        form.addRow(self.tr("Default &role:"), self.role_combo)
        form.addRow(self.tr("&Theme:"), self.theme_combo)
        form.addRow(self.tr("&Lock after:"), self.lock_spin)
        form.addRow(self.tr("Automatic &backup:"), self.backup_every_combo)
        form.addRow(self.tr("&Keep the newest:"), self.backup_keep_spin)
        form.addRow("", self.backup_note)
        form.addRow(self.tr("Lan&guage:"), self.language_combo)
        form.addRow("", self.language_note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        make_primary(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.preferred_width = 460

    def backup_every_days(self) -> int:
        value = self.backup_every_combo.currentData()
        return value if isinstance(value, int) else 0

    def preferences(self) -> Preferences:
        return Preferences(
            reviewer_name=self.name_edit.text().strip(),
            reviewer_role=str(self.role_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
            auto_lock_minutes=self.lock_spin.value(),
            language=str(self.language_combo.currentData()),
            backup_every_days=self.backup_every_days(),
            backup_keep=self.backup_keep_spin.value(),
        )
