"""How an edition's own objects read in the JSON API (the page's ``api_fields``)."""

from rest_framework import serializers

from core.api_fields import CountryDetailsField


class VenueSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    place = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    country = CountryDetailsField()
    address = serializers.CharField(read_only=True)
    time_zone = serializers.CharField(read_only=True)
    website = serializers.CharField(read_only=True)
