"""A simple blog system with users and posts"""
