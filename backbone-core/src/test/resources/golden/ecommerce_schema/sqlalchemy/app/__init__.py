"""E-commerce backend with Products, Orders, and Inventory"""
