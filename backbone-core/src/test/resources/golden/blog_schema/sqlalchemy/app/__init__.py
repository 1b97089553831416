"""Blog backend with Users, Posts, and Comments"""
