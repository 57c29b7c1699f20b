"""A visitor's post: what is accepted, what is refused, and how it is shown."""

from tenants.discussion.models import BODY_MAX_LENGTH

from .conftest import posts, visitor_post


def test_post_waits_for_moderation(app, visitor):
    response = visitor_post(visitor, "Ата-энелер чогулушу качан болот?")
    assert response.status_code == 302
    page = visitor.get(response.headers["Location"]).get_data(as_text=True)
    assert "Рахмат" in page  # the confirmation, in the school's default language (ky)
    assert "Ата-энелер чогулушу" not in page  # not public before moderation
    [post] = posts(app)
    assert post.status == "pending" and post.lang == "ky" and post.flags == []
    assert post.author_email is None


def test_post_over_the_length_limit_is_refused_and_kept(app, visitor):
    body = "ж" * (BODY_MAX_LENGTH + 1)
    response = visitor_post(visitor, body, author_name="Гүлнара")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Билдирүүңүз өтө узун" in page
    assert body in page and "Гүлнара" in page
    assert posts(app) == []


def test_markup_and_links_are_stored_as_typed_and_shown_escaped(app, visitor, admin_a):
    body = "<script>alert(1)</script> <b>бул</b> http://spam.example.com"
    visitor_post(visitor, body)
    [post] = posts(app)
    assert post.body == body
    assert post.flags == ["link"]
    queue = admin_a.get("/admin/discussion").get_data(as_text=True)
    assert "<script>alert(1)" not in queue and "&lt;script&gt;" in queue
    admin_a.submit(f"/admin/discussion/{post.id}/approve", {}, form_page="/admin/discussion")
    page = visitor.get("/discussion").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;бул&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>бул" not in page


def test_flood_from_one_address_is_throttled(app, visitor):
    default, app.config["DISCUSSION_POST_LIMIT"] = (
        app.config["DISCUSSION_POST_LIMIT"],
        "2 per 10 minutes",
    )
    try:
        for number in range(2):
            assert visitor_post(visitor, f"Суроо {number}").status_code == 302
        response = visitor.submit(
            "/discussion/ask?lang=ru",
            {"kind": "feedback", "author_name": "Иван", "body": "Третье сообщение", "website": ""},
        )
    finally:
        app.config["DISCUSSION_POST_LIMIT"] = default
    page = response.get_data(as_text=True)
    assert response.status_code == 429
    assert "Слишком много сообщений с вашего адреса" in page
    assert "Третье сообщение" in page
    assert len(posts(app)) == 2


def test_filled_or_missing_honeypot_is_refused(app, visitor):
    response = visitor_post(visitor, "Робот жазды", website="http://spam.example.com")
    assert response.status_code == 400
    assert "Робот жазды" in response.get_data(as_text=True)
    data = {"kind": "question", "author_name": "Бот", "body": "Талаасыз"}
    assert visitor.submit("/discussion/ask", data).status_code == 400
    assert posts(app) == []


def test_missing_csrf_token_is_refused_and_keeps_the_text(app, visitor):
    response = visitor.post(
        "/discussion/ask",
        data={"kind": "question", "author_name": "Айбек", "body": "Токенсиз", "website": ""},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Токенсиз" in page and "Форманын мөөнөтү бүттү" in page
    assert posts(app) == []


def test_bad_email_or_blank_text_is_refused(app, visitor):
    response = visitor_post(visitor, "Суроо", author_email="not-an-email")
    assert response.status_code == 400
    blank = visitor_post(visitor, "   \n  ", author_name="  ")
    page = blank.get_data(as_text=True)
    assert blank.status_code == 400
    assert "Билдирүүңүздү жазыңыз." in page and "Аты-жөнүңүздү жазыңыз." in page
    assert posts(app) == []


def test_posts_belong_to_their_school(app, site, visitor, admin_a):
    visitor_post(visitor, "А мектебинин суроосу")
    visitor_post(site("school-b"), "Б мектебинин суроосу")
    school_ids = {post.body: post.school_id for post in posts(app)}
    assert school_ids["А мектебинин суроосу"] != school_ids["Б мектебинин суроосу"]
    queue = admin_a.get("/admin/discussion").get_data(as_text=True)
    assert "А мектебинин" in queue and "Б мектебинин" not in queue
