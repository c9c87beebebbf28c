"""PetReel storage package."""
