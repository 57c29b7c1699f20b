def test_two_schools_have_own_home_pages(site, schools):
    page_a = site("school-a").get("/").get_data(as_text=True)
    page_b = site("school-b").get("/").get_data(as_text=True)
    assert "school-a мектеби" in page_a and "school-b" not in page_a
    assert "school-b мектеби" in page_b


def test_admin_login_on_own_school(admin_a):
    response = admin_a.get("/admin/")
    assert response.status_code == 200
