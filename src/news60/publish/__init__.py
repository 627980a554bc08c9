"""Posting finished clips to YouTube, TikTok and Instagram: resumable, exactly once, labelled."""

from news60.publish.publishing import PublishResult, prepare, publish_story, sign_in

__all__ = ["PublishResult", "prepare", "publish_story", "sign_in"]
