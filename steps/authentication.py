"""Signing in with LuxTrust and reaching « Mes services eSanté » (patient pp. 15–17, pro pp. 10–11)."""

import re

from playwright.sync_api import Page, expect
from pytest_bdd import then

from steps.pages.professional import MyServicesPage


@then("l'espace « Mes services eSanté » s'affiche")
def _(page: Page) -> None:
    """The signed-in space is shown."""
    expect(MyServicesPage(page).heading).to_be_visible()


@then("l'espace « Mes services eSanté » ne s'affiche pas")
def _(page: Page) -> None:
    """No signed-in space: the sign-in was refused."""
    expect(MyServicesPage(page).heading).to_have_count(0)


@then("il propose les services")
def _(page: Page, datatable: list[list[str]]) -> None:
    """Every service the guide names is offered."""
    services = MyServicesPage(page)
    for (name,) in datatable[1:]:
        expect(services.service(name), f"service « {name} »").to_be_visible()


@then("le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation")
def _(page: Page) -> None:
    """The refusal explains the product is unknown and points to activating the account."""
    status = page.get_by_role("status")
    expect(status).to_contain_text(re.compile("aucun compte", re.IGNORECASE))
    expect(status).to_contain_text(re.compile("activ", re.IGNORECASE))
