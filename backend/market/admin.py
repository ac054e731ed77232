from django.contrib import admin

from market.models import Category, Order, Product, Shop


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_id", "name_en", "order"]


@admin.register(Shop)
class ShopAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "village", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "slug", "nib"]
    readonly_fields = ["status", "verified_at", "owner"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["title", "shop", "price", "stock", "status"]
    list_filter = ["status", "category"]
    search_fields = ["title"]
    readonly_fields = ["status", "shop"]


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["code", "shop", "status", "total", "created_at"]
    list_filter = ["status"]
    search_fields = ["code"]
    readonly_fields = ["status", "shop", "buyer", "total"]
