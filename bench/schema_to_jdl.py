"""Converts a BackBone schema document into an equivalent JHipster JDL model, for the
side-by-side benchmark (bench/fastapi-vs-jhipster.sh): one entity per table with the same
fields (types mapped to JDL's), an enum per Enum column, and a ManyToOne relationship per
foreign key; a monolith application with every entity, a SQL database and no client.

Usage: python3 bench/schema_to_jdl.py SCHEMA.json > model.jdl
"""

import json
import sys

TYPES = {
    "Integer": "Integer", "BigInteger": "Long", "String": "String", "Text": "TextBlob",
    "Boolean": "Boolean", "DateTime": "Instant", "Date": "LocalDate", "Time": "Instant",
    "Numeric": "BigDecimal", "Float": "Float", "JSON": "TextBlob", "UUID": "UUID",
    "LargeBinary": "Blob",
}


def camel(name: str) -> str:
    parts = name.split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def main() -> None:
    doc = json.load(open(sys.argv[1]))
    tables = {t["table_name"]: t for t in doc["schema"]}
    out = [
        "application {",
        "  config {",
        "    baseName synthetic",
        "    applicationType monolith",
        "    packageName com.example.synthetic",
        "    buildTool maven",
        "    databaseType sql",
        "    prodDatabaseType postgresql",
        "    devDatabaseType h2Disk",
        "    skipClient true",
        "    authenticationType jwt",
        "  }",
        "  entities *",
        "}",
        "",
    ]
    enums, relations = [], []
    for t in doc["schema"]:
        entity = t["class_name"]
        fields = []
        for c in t["columns"]:
            if c.get("primary_key"):
                continue
            if c["type"] == "ForeignKey":
                target = tables[c["target"].split(".")[0]]
                rel = camel(c["name"].removesuffix("_id"))
                relations.append(f"  {entity}{{{rel}}} to {target['class_name']}")
                continue
            if c["type"] == "Enum":
                kind = entity + camel(c["name"]).capitalize()
                labels = ", ".join("V_" + "".join(ch if ch.isalnum() else "_" for ch in v).upper() for v in c["values"])
                enums.append(f"enum {kind} {{ {labels} }}")
            else:
                kind = TYPES[c["type"]]
            rules = []
            if c.get("nullable") is False:
                rules.append("required")
            if c.get("unique"):
                rules.append("unique")
            if c["type"] == "String" and c.get("length"):
                rules.append(f"maxlength({c['length']})")
            fields.append(f"  {camel(c['name'])} {kind} {' '.join(rules)}".rstrip())
        out.append(f"entity {entity} {{")
        out.append(",\n".join(fields))
        out.append("}")
    out.extend(enums)
    if relations:
        out.append("relationship ManyToOne {")
        out.append(",\n".join(relations))
        out.append("}")
    out.append("paginate * with pagination")
    print("\n".join(out))


main()
