"""Edit DOCX files in a running LibreOffice the way a copy editor does (run with Debian's python3).

Usage: python3 uno_driver.py JOBS.json

JOBS.json: {"port": 2002, "author": "校对 刘", "cases": [{"src": …, "out": …,
"track": true, "ops": [...]}, …]}. Each case opens `src` hidden, switches
Track Changes on or off, performs `ops` through the document's view cursor
and LibreOffice's own commands (.uno:InsertText, .uno:Delete, .uno:InsertPara,
.uno:Cut, .uno:Copy, .uno:Paste, .uno:StyleApply — what the keyboard and the
menus run), and saves `out` as Word 2007–365 .docx. Positions are given as
a bookmark name and a character offset from its start (negative: from its end).

Operations:
  {"op": "type", "mark": M, "at": K, "len": N, "text": T}   select N chars at K, type T
                      (K: an offset, negative from the end, or "end"; no mark: the cursor)
  {"op": "delete", "mark": M, "at": K, "len": N}             select N chars at K, Delete
  {"op": "enter", "mark": M, "at": K}                        press Enter at K
  {"op": "join", "mark": M}                                  Delete at the paragraph's end
  {"op": "select_paragraph", "mark": M}                      its text and paragraph mark
  {"op": "cut"} / {"op": "copy"} / {"op": "delete_selection"}
  {"op": "paste", "mark": M, "at": K}                        paste at K
  {"op": "up"}                                               to the start of the line above
  {"op": "style", "name": S}                                 paragraph style at the cursor

Prints one line per case: "ok OUT" or "error OUT: message". Exits 0 once all
cases were tried; terminates LibreOffice at the end when asked ("quit": true).
"""
import json
import sys
import traceback

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Session:
    def __init__(self, port):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        self.ctx = resolver.resolve(
            f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                         self.ctx)

    def set_author(self, name):
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (prop("nodepath", "/org.openoffice.UserProfile/Data"),))
        given, _, family = name.partition(" ")
        access.setPropertyValue("givenname", given)
        access.setPropertyValue("sn", family)
        access.commitChanges()

    def run(self, case):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(case["src"]), "_blank", 0,
                                                (prop("Hidden", True),))
        try:
            doc.RecordChanges = bool(case.get("track"))
            editor = Editor(self, doc)
            for op in case["ops"]:
                editor.do(op)
            doc.storeToURL(uno.systemPathToFileUrl(case["out"]),
                           (prop("FilterName", "MS Word 2007 XML"),))
        finally:
            doc.close(True)


class Editor:
    def __init__(self, session, doc):
        self.session, self.doc = session, doc
        self.cursor = doc.CurrentController.getViewCursor()

    def command(self, name, **args):
        frame = self.doc.CurrentController.Frame
        self.session.dispatcher.executeDispatch(frame, ".uno:" + name, "", 0,
                                                tuple(prop(k, v) for k, v in args.items()))

    def goto(self, mark, at=0):
        """The view cursor at `at` characters into bookmark `mark` ("end": its end);
        without a mark, the cursor stays where the last operation left it."""
        if mark is None:
            return None
        anchor = self.doc.Bookmarks.getByName(mark).getAnchor()
        if at == "end":
            self.cursor.gotoRange(anchor.getEnd(), False)
        elif at is not None and at < 0:
            self.cursor.gotoRange(anchor.getEnd(), False)
            self.cursor.goLeft(-at, False)
        else:
            self.cursor.gotoRange(anchor.getStart(), False)
            self.cursor.goRight(at or 0, False)
        return anchor

    def do(self, op):
        kind = op["op"]
        if kind in ("type", "delete"):
            self.goto(op.get("mark"), op.get("at", 0))
            if op.get("len"):
                self.cursor.goRight(op["len"], True)
            if kind == "type":
                self.command("InsertText", Text=op["text"])
            else:
                self.command("Delete")
        elif kind == "enter":
            self.goto(op.get("mark"), op.get("at", 0))
            self.command("InsertPara")
        elif kind == "up":
            self.cursor.goUp(1, False)
            self.cursor.gotoStartOfLine(False)
        elif kind == "join":
            anchor = self.goto(op["mark"])
            self.cursor.gotoRange(anchor.getEnd(), False)
            self.cursor.gotoEndOfLine(False)
            self.command("Delete")
        elif kind == "select_paragraph":
            anchor = self.goto(op["mark"])
            text = self.doc.Text.createTextCursorByRange(anchor.getStart())
            text.gotoStartOfParagraph(False)
            self.cursor.gotoRange(text, False)
            text.gotoEndOfParagraph(False)
            self.cursor.gotoRange(text, True)
            self.cursor.goRight(1, True)
        elif kind in ("cut", "copy"):
            self.command(kind.capitalize())
        elif kind == "delete_selection":
            self.command("Delete")
        elif kind == "paste":
            self.goto(op["mark"], op.get("at", 0))
            self.command("Paste")
        elif kind == "style":
            self.command("StyleApply", Style=op["name"], FamilyName="ParagraphStyles")
        else:
            raise ValueError(f"unknown op {kind}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    session = Session(jobs["port"])
    if jobs.get("author"):
        session.set_author(jobs["author"])
    for case in jobs["cases"]:
        try:
            session.run(case)
            print(f"ok {case['out']}", flush=True)
        except Exception as exc:  # noqa: BLE001 - reported per case, the others still run
            message = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            print(f"error {case['out']}: {message}", flush=True)
    if jobs.get("quit"):
        try:
            session.desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge closes as LibreOffice exits
            pass


if __name__ == "__main__":
    main()
