// Parses a .ics or .vcf file with Mozilla's ical.js and prints what it read
// as JSON, for the Go tests to compare with what vipbook exported.
// Usage: node parse.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
let parsed = ICAL.parse(text);
// Several top-level components come back as a list of them.
if (typeof parsed[0] === "string") parsed = [parsed];
const roots = parsed.map((j) => new ICAL.Component(j));

const str = (v) => (v === null || v === undefined ? null : v.toString());
const out = { calendars: [], cards: [] };
for (const root of roots) {
  if (root.name === "vcalendar") {
    const cal = { events: [], todos: [] };
    for (const ve of root.getAllSubcomponents("vevent")) {
      const ev = new ICAL.Event(ve);
      cal.events.push({
        uid: ev.uid,
        summary: ev.summary,
        start: str(ev.startDate),
        end: str(ev.endDate),
        allDay: ev.startDate ? ev.startDate.isDate : null,
        rrule: str(ve.getFirstPropertyValue("rrule")),
        status: ve.getFirstPropertyValue("status"),
        alarms: ve.getAllSubcomponents("valarm").map((a) => str(a.getFirstPropertyValue("trigger"))),
        // The first three occurrences, as a calendar would show them.
        next: ev.isRecurring()
          ? (() => {
              const it = ev.iterator();
              const days = [];
              for (let i = 0; i < 3; i++) days.push(str(it.next()));
              return days;
            })()
          : [],
      });
    }
    for (const vt of root.getAllSubcomponents("vtodo")) {
      cal.todos.push({
        uid: vt.getFirstPropertyValue("uid"),
        summary: vt.getFirstPropertyValue("summary"),
        due: str(vt.getFirstPropertyValue("due")),
        status: vt.getFirstPropertyValue("status"),
      });
    }
    out.calendars.push(cal);
  } else if (root.name === "vcard") {
    const all = (name) => root.getAllProperties(name);
    const card = {
      version: root.getFirstPropertyValue("version"),
      fn: root.getFirstPropertyValue("fn"),
      n: root.getFirstProperty("n") ? root.getFirstProperty("n").getValues().flat() : null,
      tel: all("tel").map((p) => ({ value: str(p.getFirstValue()), type: p.getParameter("type") || null })),
      email: all("email").map((p) => str(p.getFirstValue())),
      bday: str(root.getFirstPropertyValue("bday")),
      anniversary: str(root.getFirstPropertyValue("x-anniversary")),
      categories: all("categories").map((p) => p.getValues()).flat().map(str),
      notes: all("note").map((p) => str(p.getFirstValue())),
      dnc: root.getFirstPropertyValue("x-vipbook-do-not-contact"),
      lunar: all("x-vipbook-lunar-date").map((p) => str(p.getFirstValue())),
    };
    out.cards.push(card);
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
