"""The organisation pages show who oversees each force, the non-territorial forces as the territorial ones."""

import pytest
from django.test import Client

from followthrough.testing.pages import assert_good_page, text_of

pytestmark = pytest.mark.django_db


def page(path):
    return assert_good_page(Client().get(path))


def words(element):
    return " ".join(" ".join(element.itertext()).split())


def oversight_rows(document):
    table = next(t for t in document.iter("table") if t.get("id") == "oversight-history")
    return [words(cell) for cell in table.iter("td")]


def test_british_transport_polices_page_shows_its_authority_from_1_july_2004_with_the_source_of_the_date():
    document = page("/organisations/british-transport-police/")
    text = " ".join(text_of(document).split())
    assert "Overseen today by British Transport Police Authority" in text
    assert "Who has overseen this force" in text
    cells = oversight_rows(document)
    assert cells[0].startswith("British Transport Police Authority Current")
    assert cells[1:3] == ["1 July 2004", "Continuing"]
    assert cells[3].startswith("The Railways and Transport Safety Act 2003 (Commencement No. 3) Order 2004")
    links = {a.get("href") for a in document.iter("a")}
    assert "/organisations/british-transport-police-authority/" in links
    assert "https://www.legislation.gov.uk/uksi/2004/1572/article/3/made" in links


def test_the_ministry_of_defence_polices_page_says_when_its_committee_began_is_not_known():
    document = page("/organisations/ministry-of-defence-police/")
    cells = oversight_rows(document)
    assert cells[0].startswith("Ministry of Defence Police Committee Current")
    assert cells[1:3] == ["Date not known", "Continuing"]
    assert "gives no date" in cells[3]


def test_an_oversight_bodys_page_lists_the_force_it_oversees():
    document = page("/organisations/civil-nuclear-police-authority/")
    text = " ".join(text_of(document).split())
    assert "Oversight body of a non-territorial force" in text
    assert "Forces this body has overseen" in text
    cells = oversight_rows(document)
    assert cells[0].startswith("Civil Nuclear Constabulary Current")
    assert cells[1] == "1 April 2005"


def test_a_territorial_forces_page_still_shows_its_local_policing_bodies_without_a_source_column():
    document = page("/organisations/south-yorkshire-police/")
    table = next(t for t in document.iter("table") if t.get("id") == "oversight-history")
    head = [words(th) for th in table.iter("th") if th.get("scope") == "col"]
    assert head == ["Local policing body", "From", "To"]
    assert oversight_rows(document)[:3] == ["Mayor of South Yorkshire Current", "7 May 2024", "Continuing"]


def test_the_directory_shows_who_oversees_the_non_territorial_forces_today_and_lets_you_filter_to_their_bodies():
    text = " ".join(text_of(page("/organisations/")).split())
    assert "British Transport Police Non-territorial police force British Transport Police Authority" in text
    bodies = " ".join(text_of(page("/organisations/?kind=oversight-body")).split())
    assert "3 organisations" in bodies
    assert "Ministry of Defence Police Committee" in bodies
