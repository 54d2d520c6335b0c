"""The bundled demo campaign: a workspace and a review package in the user's data folder.

``culturepanel demo`` imports ``resources/demo/`` into a workspace and builds a
package for one market (by default the market of the user's language when the
demo has it), so a new user can review something real within a minute.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from platformdirs import user_data_path

from culturepanel.i18n import current_language
from culturepanel.importers.glossary import read_glossary, store_glossary
from culturepanel.importers.workspace_import import import_campaign_files
from culturepanel.review.packages import build_packages
from culturepanel.storage.database import open_file

#: Demo market for a UI language; others get :data:`DEFAULT_MARKET`.
LANGUAGE_MARKETS = {
    "ar": "SA",
    "ja": "JP",
    "zh": "CN",
    "hi": "IN",
    "de": "DE",
    "fr": "FR",
    "es": "MX",
    "pt": "BR",
}
DEFAULT_MARKET = "DE"
DEMO_PANELIST = "Demo Reviewer"


def demo_folder() -> Path:
    """Where the bundled demo campaign files are."""
    return Path(str(resources.files("culturepanel.resources") / "demo"))


def demo_market(language: str | None = None) -> str:
    lang = (language or current_language()).split("_")[0].split("-")[0]
    return LANGUAGE_MARKETS.get(lang, DEFAULT_MARKET)


def data_dir() -> Path:
    return user_data_path("CulturePanel", appauthor=False, ensure_exists=True)


def prepare_demo(market: str | None = None, base: Path | None = None) -> Path:
    """Import the demo (once) and build the panelist's package; return its path."""
    base = Path(base) if base else data_dir() / "demo"
    base.mkdir(parents=True, exist_ok=True)
    workspace = base / "demo-campaign.cpanel"
    import_campaign_files(workspace, [demo_folder() / "campaign.csv"])
    with open_file(workspace) as cpf:
        store_glossary(cpf, read_glossary(demo_folder() / "glossary.csv"))
    built = build_packages(
        workspace,
        market or demo_market(),
        [DEMO_PANELIST],
        base / "packages",
        deadline=date.today() + timedelta(days=14),
    )
    return built[0].path
