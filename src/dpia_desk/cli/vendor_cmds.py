"""CLI commands: ``vendor add | list | show | edit``.

``vendor add --name NAME [--country CC] [--website URL] [--json]``
    prints the new vendor's id (``--json``: ``{"id": ..., "name": ..., ...}``)
``vendor list [--filter TEXT] [--json]``
    one line per vendor, sorted by name (``--json``: a list of vendor rows)
``vendor show ID [--json]``
    every field of one vendor, with its AI systems
``vendor delete ID [--yes] [--json]``
    erases the vendor with everything that belongs to it, after showing what goes
``vendor edit ID [--name ...] [--country ...] [--website ...] [--contract-status ...]
[--dpa-status ...] [--notes ...] [--next-review-date YYYY-MM-DD] [--json]``
    changes the given fields (an empty string clears country, website and the review date)
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from dpia_desk.cli.common import add_command, add_json_option, emit_json
from dpia_desk.errors import DpiaDeskError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vendor = add_command(subparsers, "vendor", "add, list, show, edit and erase vendors")
    actions = vendor.add_subparsers(dest="vendor_command", metavar="ACTION", required=True)

    add = add_command(actions, "add", "add a vendor and print its id")
    add.add_argument("--name", required=True, help="the vendor's name")
    add.add_argument("--country", help="ISO 3166-1 alpha-2 code of its seat, e.g. DE")
    add.add_argument("--website", help="its web address, e.g. https://example.com")
    add_json_option(add)
    add.set_defaults(func=run_add)

    listing = add_command(actions, "list", "list the vendors")
    listing.add_argument("--filter", default="", metavar="TEXT", help="only names containing TEXT")
    add_json_option(listing)
    listing.set_defaults(func=run_list)

    show = add_command(actions, "show", "show one vendor")
    show.add_argument("vendor_id", metavar="ID")
    add_json_option(show)
    show.set_defaults(func=run_show)

    edit = add_command(actions, "edit", "change fields of a vendor")
    edit.add_argument("vendor_id", metavar="ID")
    edit.add_argument("--name")
    edit.add_argument("--country")
    edit.add_argument("--website")
    # Allowed values are checked by the store (one list, in dpia_desk.store.models), which keeps
    # the store's import out of the CLI's start-up.
    edit.add_argument(
        "--contract-status", metavar="STATUS", help="none, negotiating, signed, expired, terminated"
    )
    edit.add_argument(
        "--dpa-status",
        metavar="STATUS",
        help="not_started, requested, in_review, signed, not_required",
    )
    edit.add_argument("--notes")
    edit.add_argument("--next-review-date", metavar="YYYY-MM-DD")
    add_json_option(edit)
    edit.set_defaults(func=run_edit)

    delete = add_command(
        actions, "delete", "erase a vendor with its AI systems, reviews and assessments"
    )
    delete.add_argument("vendor_id", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="erase without asking")
    add_json_option(delete)
    delete.set_defaults(func=run_delete)


def run_add(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.store import add_vendor
    from dpia_desk.store.vendors import vendor_to_dict

    with open_workspace(args) as workspace, workspace.session() as session:
        vendor = add_vendor(
            session,
            actor=workspace.actor,
            name=args.name,
            country=args.country,
            website=args.website,
        )
        document = vendor_to_dict(vendor)
    if args.json:
        emit_json(document)
    else:
        print(document["id"])
    return 0


def run_list(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.store import list_vendors
    from dpia_desk.store.audit import to_jsonable

    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        rows = list_vendors(session, args.filter)
    if args.json:
        emit_json(
            [{name: to_jsonable(getattr(row, name)) for name in row.__slots__} for row in rows]
        )
        return 0
    if not rows:
        print("No vendors yet. Add one with 'dpia-desk vendor add --name NAME'.")
        return 0
    width = max(len(row.name) for row in rows)
    for row in rows:
        print(
            f"{row.id}  {row.name:<{width}}  {row.country or '--'}  "
            f"contract: {row.contract_status:<11}  DPA: {row.dpa_status}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.store import get_vendor
    from dpia_desk.store.vendors import vendor_to_dict

    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        document = vendor_to_dict(get_vendor(session, args.vendor_id))
    if args.json:
        emit_json(document)
        return 0
    _print_vendor(document)
    return 0


def _print_vendor(document: dict[str, Any]) -> None:
    systems = document.pop("ai_systems")
    for field, value in document.items():
        if field in ("contacts", "sub_processors"):
            print(f"{field}:")
            for entry in value:
                print("  - " + ", ".join(str(part) for part in entry.values()))
        elif isinstance(value, list):
            print(f"{field}: {', '.join(str(item) for item in value)}")
        else:
            print(f"{field}: {'' if value is None else value}")
    print("ai_systems:")
    for system in systems:
        print(f"  - {system['name']} ({system['id']}): {system['intended_purpose']}")


def _review_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DpiaDeskError(
            f"next-review-date: {text!r} is not a date", hint="Use the form YYYY-MM-DD."
        ) from None


def run_edit(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.store import update_vendor
    from dpia_desk.store.vendors import vendor_to_dict

    changes: dict[str, Any] = {
        field: getattr(args, field)
        for field in ("name", "country", "website", "contract_status", "dpa_status", "notes")
        if getattr(args, field) is not None
    }
    if args.next_review_date is not None:
        changes["next_review_date"] = _review_date(args.next_review_date)
    if not changes:
        raise DpiaDeskError("Nothing to change.", hint="Give at least one option, e.g. --name.")
    with open_workspace(args) as workspace, workspace.session() as session:
        document = vendor_to_dict(
            update_vendor(session, args.vendor_id, actor=workspace.actor, **changes)
        )
    if args.json:
        emit_json(document)
    else:
        print(document["id"])
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import confirm, open_workspace
    from dpia_desk.store.erasure import vendor_erasure_plan

    with open_workspace(args) as workspace:
        with workspace.read_session() as session:
            plan = vendor_erasure_plan(session, args.vendor_id)
        if not args.yes and not confirm(f"{plan.describe()} Erase?"):
            raise DpiaDeskError(
                f"Not erased: {plan.describe()}", hint="Confirm with --yes to erase it."
            )
        workspace.erase_vendor(args.vendor_id)
    if args.json:
        emit_json({"erased": args.vendor_id, "counts": plan.counts()})
    else:
        print(
            f"Erased vendor {args.vendor_id}: "
            + ", ".join(f"{count} {table}" for table, count in plan.counts().items())
        )
    return 0
