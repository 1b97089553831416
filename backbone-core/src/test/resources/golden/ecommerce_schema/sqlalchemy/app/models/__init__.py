"""Models of EcommerceBackend: importing this package maps every model."""

from .base import Base
from .categories import Category
from .order_items import OrderItem
from .orders import Order, OrderStatus
from .products import Product
from .users import User, UserRole

__all__ = [
    "Base",
    "Category",
    "Order",
    "OrderItem",
    "OrderStatus",
    "Product",
    "User",
    "UserRole",
]
