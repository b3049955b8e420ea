"""A facet by year for ISO dates (`2024-05-17`, `2024`): how many rows per year, and a
click keeps that year's rows (`published__startswith=2024`, one of Datasette's own
filters). Datasette's date facet counts per day, too fine for a review's date."""

from __future__ import annotations

from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from datasette.database import QueryInterrupted


class YearFacet(Facet):
    type = "year"

    async def suggest(self):
        return []  # given in the metadata or as ?_facet_year=COLUMN, never guessed

    async def facet_results(self):
        results, timed_out = [], []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            sql = f"""SELECT substr({escape_sqlite(column)}, 1, 4) AS value, count(*) AS count FROM ({self.sql})
                WHERE {escape_sqlite(column)} GLOB '[0-9][0-9][0-9][0-9]*'
                GROUP BY value ORDER BY value DESC LIMIT {size + 1}"""
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = args.get(key) == row["value"]
                change = (path_with_removed_args(self.request, {key: row["value"]}) if selected
                          else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, change), "selected": selected})
            results.append({"name": column, "type": self.type, "results": values, "hideable": source != "metadata",
                            "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                            "truncated": len(rows.rows) > size})
        return results, timed_out
