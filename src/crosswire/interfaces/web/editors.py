"""Editors' corrections over HTTP: the JSON API and the story page's forms (see ``crosswire.editorial``).

API (bearer token, like every write under /api/):
``POST /api/stories/{id}/split`` ``{"articles": [...], "editor", "note"?}``,
``POST /api/stories/{id}/merge`` ``{"into": other, "editor", "note"?}`` (``id`` is merged into ``other``),
``POST /api/articles/{id}/move`` ``{"to": story, "editor", "note"?}``,
``POST /api/stories/{id}/facts/{key}/verdict`` ``{"verdict": "wrong", "note", "editor"}``,
``GET /api/stories/{id}/corrections``.  The page posts the same to ``/stories/{id}/corrections`` with the
token in a password field (``crosswire.interfaces.web.editing``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from crosswire.corrections import Correction, Overlay
from crosswire.editorial import MAX_NOTE, CorrectionError, mark_fact_wrong, merge_stories, move_article, split_story
from crosswire.engine import Engine
from crosswire.interfaces.web.access import StoreAccess, reading_engine, store_access
from crosswire.interfaces.web.editing import MAX_EDITOR, TOKEN_FIELD, WriteRefused, check_form_write, editor_name
from crosswire.interfaces.web.pages import render

api_router = APIRouter(prefix="/api", tags=["corrections"])
router = APIRouter(include_in_schema=False)
Access = Annotated[StoreAccess, Depends(store_access)]
ReadingEngine = Annotated[Engine, Depends(reading_engine)]


class _Edit(BaseModel):
    editor: str = Field(min_length=1, max_length=MAX_EDITOR, description="Who makes the correction")
    note: str = Field("", max_length=MAX_NOTE)


class SplitIn(_Edit):
    articles: list[str] = Field(min_length=1, description="Articles to move into a new story")


class MergeIn(_Edit):
    into: str = Field(description="The story this one is merged into (it keeps its id)")


class MoveIn(_Edit):
    to: str = Field(description="The story the article moves to")


class VerdictIn(_Edit):
    verdict: Literal["wrong"] = "wrong"


def _answer(correction: Correction) -> JSONResponse:
    story = correction.target if correction.kind in ("split", "move", "merge") else correction.story
    return JSONResponse({"correction": correction.as_json(), "story": story})


def _editor(raw: str) -> str:
    name = editor_name(raw)
    if name is None:
        raise CorrectionError("give the editor's name")
    return name


@api_router.get("/stories/{story_id}/corrections", summary="A story's corrections by editors")
def story_corrections(story_id: str, engine: ReadingEngine) -> JSONResponse:
    overlay = Overlay(engine.store.corrections())
    merged = overlay.resolve(story_id)
    return JSONResponse(
        {
            "story": story_id,
            "merged_into": merged if merged != story_id else None,
            "corrections": [c.as_json() for c in overlay.story_corrections(story_id)],
        }
    )


@api_router.post("/stories/{story_id}/split", summary="Split articles off into a new story (bearer token)")
def split(story_id: str, body: SplitIn, access: Access) -> JSONResponse:
    editor = _editor(body.editor)
    return _answer(access.write(lambda e: split_story(e, story_id, body.articles, editor, body.note)))


@api_router.post("/stories/{story_id}/merge", summary="Merge this story into another (bearer token)")
def merge(story_id: str, body: MergeIn, access: Access) -> JSONResponse:
    editor = _editor(body.editor)
    return _answer(access.write(lambda e: merge_stories(e, story_id, body.into, editor, body.note)))


@api_router.post("/articles/{article_id:path}/move", summary="Move an article to another story (bearer token)")
def move(article_id: str, body: MoveIn, access: Access) -> JSONResponse:
    editor = _editor(body.editor)
    return _answer(access.write(lambda e: move_article(e, article_id, body.to, editor, body.note)))


@api_router.post("/stories/{story_id}/facts/{key}/verdict", summary="Mark a fact wrong, with a note (bearer token)")
def verdict(story_id: str, key: str, body: VerdictIn, access: Access) -> JSONResponse:
    editor = _editor(body.editor)
    return _answer(access.write(lambda e: mark_fact_wrong(e, story_id, key, body.note, editor)))


# -- the story page's forms ------------------------------------------------------------------------
@router.post("/stories/{story_id}/corrections")
async def correct_from_page(story_id: str, request: Request, access: Access) -> Response:
    async with request.form(max_files=0, max_fields=500) as form:
        fields: dict[str, Any] = {key: form.get(key) for key in form}
        articles = [str(value) for value in form.getlist("articles")]
    token = fields.get(TOKEN_FIELD)
    try:
        check_form_write(request.headers, token if isinstance(token, str) else None)
    except WriteRefused as refusal:
        return render(
            "error.html",
            status_code=refusal.status,
            title="Correction refused",
            message=f"Nothing was changed: {refusal.message}. Corrections need the server's write token "
            "(CROSSWIRE_TOKEN), which its operator gives to editors.",
        )
    action = str(fields.get("action") or "")
    note = str(fields.get("note") or "")
    try:
        editor = _editor(str(fields.get("editor") or ""))
        make: Callable[[Engine], Correction]
        if action == "split":
            make = partial(split_story, story_id=story_id, article_ids=articles, editor=editor, note=note)
        elif action == "move":
            article, to = str(fields.get("article") or ""), str(fields.get("to") or "").strip()
            make = partial(move_article, article_id=article, to_story=to, editor=editor, note=note)
        elif action == "merge":
            into = str(fields.get("into") or "").strip()
            make = partial(merge_stories, story_id=story_id, into=into, editor=editor, note=note)
        elif action == "verdict":
            key = str(fields.get("fact") or "")
            make = partial(mark_fact_wrong, story_id=story_id, key=key, note=note, editor=editor)
        else:
            raise CorrectionError(f"unknown correction {action!r}: split, move, merge or verdict")
        correction = await run_in_threadpool(access.write, make)
    except CorrectionError as error:
        return render("error.html", status_code=400, title="Correction not made", message=str(error))
    shown = correction.target if action in ("split", "merge") else story_id
    return RedirectResponse(f"/stories/{quote(shown or story_id, safe='')}#corrections", status_code=303)
