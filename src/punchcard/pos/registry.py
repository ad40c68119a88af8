"""Connectors by type name: adding a till means adding a module and a line here."""

from punchcard.pos.connector import Connector
from punchcard.pos.generic import GenericConnector
from punchcard.pos.poster import PosterConnector
from punchcard.pos.syrve import SyrveConnector

CONNECTORS: dict[str, Connector] = {
    "poster": PosterConnector(),
    "syrve": SyrveConnector(),
    "generic": GenericConnector(),
}
