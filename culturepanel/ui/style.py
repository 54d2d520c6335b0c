"""The app's look: a calm, light style sheet on top of Qt's Fusion style."""

STYLE_SHEET = """
QMainWindow, QDialog { background: #f6f7f9; }
QToolBar { background: #ffffff; border: none; border-bottom: 1px solid #dde1e6; spacing: 6px;
           padding: 4px 8px; }
QToolBar QToolButton { padding: 5px 12px; border-radius: 5px; color: #1f2933; }
QToolBar QToolButton:hover { background: #e8eef6; }
QStatusBar { background: #ffffff; border-top: 1px solid #dde1e6; color: #3e4c59; }
QStatusBar QLabel { padding: 0 10px; }
QLabel#SavedLabel { color: #1e8449; }
QTableView#VariantList { background: #ffffff; border: 1px solid #dde1e6; border-radius: 6px;
    alternate-background-color: #f9fafb; selection-background-color: #d6e4f5;
    selection-color: #102a43; }
QHeaderView::section { background: #f0f2f5; border: none; border-bottom: 1px solid #dde1e6;
    padding: 4px 6px; color: #52606d; font-weight: 600; }
QLineEdit#SearchField, QComboBox { padding: 5px 8px; border: 1px solid #cbd2d9; border-radius: 5px;
    background: #ffffff; }
QLabel#VariantHeading { font-size: 17pt; font-weight: 600; color: #102a43; }
QLabel#VariantFacts { color: #52606d; }
QLabel#ChangedBanner { background: #fff4e5; border: 1px solid #f0b429; border-radius: 6px;
    padding: 8px 10px; color: #8d2b0b; }
QLabel#NotesBox { background: #eef4fb; border-radius: 6px; padding: 8px 10px; color: #243b53; }
QFrame#TextPane { background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; }
QLabel#PaneTitle { color: #627d98; font-weight: 600; text-transform: uppercase; }
QLabel#SectionTitle { font-size: 12pt; font-weight: 600; color: #102a43; }
QWidget#VotePanel { background: #ffffff; border-top: 1px solid #dde1e6; }
QFrame#ScoreRow { border: 1px solid transparent; border-radius: 6px; }
QFrame#ScoreRow:focus { border: 1px solid #2f80ed; background: #eef4fb; }
QPushButton { padding: 5px 12px; border: 1px solid #cbd2d9; border-radius: 5px;
              background: #ffffff; }
QPushButton:hover { background: #eef2f7; }
QPushButton:focus { border: 1px solid #2f80ed; }
QPushButton#ScoreButton { padding: 4px 0; }
QPushButton:checked { background: #2f80ed; color: white; border-color: #2f80ed; }
QPushButton#Decision_approve:checked { background: #1e8449; border-color: #1e8449; }
QPushButton#Decision_approve_with_changes:checked { background: #7d9d2a; border-color: #7d9d2a; }
QPushButton#Decision_changes_required:checked { background: #b9770e; border-color: #b9770e; }
QPushButton#Decision_reject:checked { background: #c0392b; border-color: #c0392b; }
QLabel#VoteWarning { background: #fdecea; border-radius: 6px; padding: 6px 10px; color: #922b21; }
QLabel#EmptyHint { color: #7b8794; padding: 8px; }
QPlainTextEdit { border: 1px solid #cbd2d9; border-radius: 5px; background: #ffffff; }
QPlainTextEdit:read-only { border: none; }
QDockWidget::title { background: #f0f2f5; padding: 6px; }
QTreeWidget { background: #ffffff; border: 1px solid #dde1e6; border-radius: 6px; }
QLabel#WelcomeTitle { font-size: 24pt; font-weight: 600; color: #102a43; }
QLabel#WelcomeText { color: #52606d; font-size: 11pt; }
QPushButton#WelcomeButton { padding: 10px 20px; font-size: 11pt; }
"""
