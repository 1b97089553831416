# Uses the generated blog models as an application would: create the tables, add a user, a
# post (its status left to the database default) and a comment, read them back through the
# relationships. argv[1]: JSON {"package": "...", "url": "..."}. Prints one JSON object.
import importlib
import json
import sys

import sqlalchemy as sa
from sqlalchemy.orm import Session

config = json.loads(sys.argv[1])
models = importlib.import_module(config["package"] + ".models")
engine = sa.create_engine(config["url"])
models.Base.metadata.create_all(engine)
with Session(engine) as session:
    user = models.User(username="ada", email="ada@example.com")
    post = models.Post(title="Hello", content="First post", slug="hello", author=user)
    session.add_all([user, post, models.Comment(content="Nice", author=user, post=post)])
    session.commit()
with Session(engine) as session:
    post = session.scalars(sa.select(models.Post)).one()
    user = session.scalars(sa.select(models.User)).one()
    print(json.dumps({
        "status": post.status.value,
        "status_member": post.status is models.PostStatus.DRAFT,
        "author": post.author.username,
        "comments": [c.content for c in post.comments],
        "user_posts": [p.slug for p in user.posts],
        "user_comments": [c.post.slug for c in user.comments],
        "created_at_set": post.created_at is not None,
        "is_deleted": post.is_deleted,
    }))
models.Base.metadata.drop_all(engine)
engine.dispose()
