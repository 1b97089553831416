"""The FastAPI app of EcommerceBackend: every router, /health, the engine's lifespan."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from app.api.categories import router as categories_router
from app.api.custom import router as custom_router
from app.api.deps import SessionDep
from app.api.errors import json_safe
from app.api.order_items import router as order_items_router
from app.api.orders import router as orders_router
from app.api.products import router as products_router
from app.api.users import router as users_router
from app.database import get_engine
from app.settings import get_settings


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Closes the engine's pooled connections when the app stops."""
    yield
    get_engine().dispose()


app = FastAPI(
    title="EcommerceBackend",
    description="E-commerce backend with Products, Orders, and Inventory",
    lifespan=lifespan,
)
settings = get_settings()
if settings.CORS_ORIGINS:
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_methods=["*"],
        allow_headers=["*"],
    )


@app.exception_handler(RequestValidationError)
async def validation_error(
    request: Request, error: RequestValidationError
) -> JSONResponse:
    """Pydantic's 422, with echoed input that JSON cannot carry (NaN, bad Unicode) as text."""
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": json_safe(jsonable_encoder(error.errors()))},
    )


@app.exception_handler(IntegrityError)
async def integrity_error(request: Request, error: IntegrityError) -> JSONResponse:
    """A constraint a route did not map itself: the client's data conflicts (409)."""
    return JSONResponse(
        status_code=status.HTTP_409_CONFLICT,
        content={"detail": {"message": "the request conflicts with a constraint"}},
    )


@app.exception_handler(DataError)
async def data_error(request: Request, error: DataError) -> JSONResponse:
    """A value the database refused (out of its range or precision): 422."""
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": {"message": "the database refused a value of the request"}},
    )


@app.exception_handler(OperationalError)
async def operational_error(request: Request, error: OperationalError) -> JSONResponse:
    """The database is unreachable or refused the work: 503, the client may retry."""
    return JSONResponse(
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        content={"detail": {"message": "the database is not available"}},
    )


@app.get("/health", tags=["health"])
def health(session: SessionDep) -> dict[str, str]:
    """200 when the database answers."""
    session.execute(text("SELECT 1"))
    return {"status": "ok"}


app.include_router(users_router)
app.include_router(categories_router)
app.include_router(products_router)
app.include_router(orders_router)
app.include_router(order_items_router)
app.include_router(custom_router)
