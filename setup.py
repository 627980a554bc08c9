"""The wheel carries the top-level assets/ and prompts/ inside the package, as news60/assets and
news60/prompts (the folders stay where they are in the checkout; news60.resources finds either)."""

from setuptools import find_packages, setup

setup(
    packages=find_packages("src") + ["news60.assets", "news60.prompts"],
    package_dir={"": "src", "news60.assets": "assets", "news60.prompts": "prompts"},
    package_data={
        "news60.assets": ["**/*"],
        "news60.prompts": ["*"],
        "news60.desk": ["templates/*.html", "static/*"],
    },
)
