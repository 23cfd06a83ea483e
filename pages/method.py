"""The rule book: every rule the workbench checks, in the words of docs/METHOD.md, so a verdict's
reasoning is one click away in the room and nobody needs the repository to read it."""

from __future__ import annotations

import streamlit as st

from strategy.define.method import Rule, rule_book


def _matches(found: Rule, words: str) -> bool:
    text = " ".join((found.rule_id, found.title, found.rule, found.why, found.weak, found.strong)).lower()
    return all(word in text for word in words.lower().split())


st.title("Rule book")
st.caption(
    "Every verdict on SMART objectives, KPIs, traceability, strategy health and tracking comes from a rule here."
)
words = st.text_input("Find a rule", placeholder="e.g. champion, payback, stale")
rules = [found for found in rule_book().values() if _matches(found, words)]
if not rules:
    st.info(f"No rule mentions “{words}”. Try fewer or other words.", icon=":material/search_off:")
chapters: dict[str, list[Rule]] = {}
for found in rules:
    chapters.setdefault(found.chapter, []).append(found)
for chapter, members in chapters.items():
    st.header(chapter)
    for found in members:
        with st.expander(found.title, expanded=bool(words)):
            st.markdown(f"**Rule:** {found.rule}\n\n**Why it matters:** {found.why}")
            st.markdown(f"**Weak:** {found.weak}\n\n**Strong:** {found.strong}")
            if found.setting is not None:
                st.caption(f"Tunable: {found.setting.env} (default {found.setting.default}). Rule {found.rule_id}.")
            else:
                st.caption(f"Rule {found.rule_id}.")
