"""Routes of your own: yours to edit.

BackBone writes this file once and never overwrites it; app/main.py includes this router
after the generated ones. Add endpoints here, e.g.:

    @router.get("/hello")
    def hello() -> dict[str, str]:
        return {"hello": "world"}
"""

from fastapi import APIRouter

router = APIRouter()
