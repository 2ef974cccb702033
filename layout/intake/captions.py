"""Whether a caption after a story's text shows that story, or is a photo-news item of its own.

A story's photo shows what the story tells, so its caption shares the
story's words (中央厨房, 永安小区, 心肺复苏). A photo-news item tells its own
news (when, where, what) and shares little with the story it happens to
follow in the copy (a 荷塘 in bloom after a story on tourism figures). In
copy with no gap to tell them apart (where blank lines part the stories, a
caption with none before it is the story's: `segment`), the words decide: the share of the
caption's two-character Han sequences found in the story's text. A short
caption says too little to tell and stays with the story.
"""
from __future__ import annotations

import re

# When, in a caption's first sentence: a photo-news caption tells its own news.
_NEWS = re.compile(r"\d{1,2}月\d{1,2}日|近日|日前|连日来|昨天|今天|昨日|今日")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_OWN_SHARE = 0.15      # a caption sharing at most this much of its words is an item of its own
_OWN_MIN_CHARS = 16    # ... when it says enough to tell (a longer caption than `居民填写意见卡`)
_NEWS_SHARE = 0.35     # a caption opening as news does (近日, a date) and sharing at most this
_NEWS_MIN_CHARS = 30   # ... and long enough to be news of its own


def pairs(text: str) -> set[str]:
    """The two-character Han sequences of `text`."""
    return {run[k:k + 2] for run in _HAN_RUN.findall(text) for k in range(len(run) - 1)}


class StoryWords:
    """A story's two-character sequences, gathered once per paragraph as the story grows (a
    story followed by thousands of captions is read once, not once a caption)."""

    def __init__(self) -> None:
        self.story, self.pairs, self.seen = None, set(), 0

    def of(self, story) -> set[str]:
        """The sequences of `story` (a draft: headline fields and paragraphs) so far."""
        if story is not self.story:
            self.story, self.seen = story, 0
            self.pairs = pairs("\n".join((story.kicker, story.title, story.subtitle)))
        for para in story.paragraphs[self.seen:]:
            self.pairs |= pairs(para.text)
        self.seen = len(story.paragraphs)
        return self.pairs


def shared(caption: str, story: set[str]) -> float:
    """The share of the caption's two-character Han sequences found in the story's."""
    own = pairs(caption)
    return len(own & story) / len(own) if own else 1.0


def own_item(caption: str, story: set[str]) -> bool:
    """The caption after a story's text (`story`: its sequences) is a photo-news item of its
    own, not its photo."""
    share = shared(caption, story)
    if len(caption) >= _OWN_MIN_CHARS and share <= _OWN_SHARE:
        return True
    return len(caption) >= _NEWS_MIN_CHARS and share <= _NEWS_SHARE \
        and bool(_NEWS.search(caption.split("。")[0]))
