"""Typed errors. Each message says what went wrong and what to do about it."""


class News60Error(Exception):
    """Base of every error news60 raises on purpose; the CLI prints its message."""


class ArticleError(News60Error):
    """The input is missing, unreadable, or holds no article."""


class ScriptError(News60Error):
    """A script could not be written, loaded or trusted."""


class VoiceError(News60Error):
    """A voice is missing, unusable here, or failed to speak."""


class RenderError(News60Error):
    """The video or audio could not be composed or encoded."""


class SettingsError(News60Error):
    """A setting or a config file is invalid."""


class PublishError(News60Error):
    """A clip could not be posted, or its upload could not be resumed."""


class CredentialsError(PublishError):
    """A platform's sign-in is missing, expired or refused."""


class ProvenanceError(News60Error):
    """Content credentials could not be made or read: a key, a certificate or a signature."""
