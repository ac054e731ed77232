from django.urls import URLPattern, URLResolver, path

from market import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("categories/", views.CategoryListView.as_view(), name="market-categories"),
    path("products/", views.ProductListCreateView.as_view(), name="market-products"),
    path("products/mine/", views.MyProductsView.as_view(), name="market-my-products"),
    path("products/<uuid:pk>/", views.ProductDetailView.as_view(), name="market-product"),
    path("products/<uuid:pk>/submit/", views.ProductSubmitView.as_view()),
    path("products/<uuid:pk>/archive/", views.ProductArchiveView.as_view()),
    path("products/<uuid:pk>/photos/", views.ProductPhotoView.as_view()),
    path("products/<uuid:pk>/photos/reorder/", views.ProductPhotoReorderView.as_view()),
    path("products/<uuid:pk>/photos/<uuid:photo_pk>/", views.ProductPhotoDeleteView.as_view()),
    path("shops/", views.ShopCreateView.as_view(), name="market-shops"),
    path("shops/mine/", views.MyShopView.as_view(), name="market-my-shop"),
    path("shops/mine/logo/", views.MyShopLogoView.as_view()),
    path("shops/<slug:slug>/", views.ShopPublicView.as_view(), name="market-shop"),
    path("seller/summary/", views.SellerSummaryView.as_view(), name="market-seller-summary"),
    path("orders/", views.OrderListCreateView.as_view(), name="market-orders"),
    path("orders/<uuid:pk>/", views.OrderDetailView.as_view(), name="market-order"),
    *[
        path(f"orders/<uuid:pk>/{name}/", view.as_view())
        for name, view in views.ORDER_ACTION_VIEWS.items()
    ],
    path("moderation/shops/", views.ModerationShopsView.as_view()),
    *[
        path(f"moderation/shops/<uuid:pk>/{name}/", view.as_view())
        for name, view in views.SHOP_MODERATION_VIEWS.items()
    ],
    path("moderation/products/", views.ModerationProductsView.as_view()),
    path("moderation/products/<uuid:pk>/approve/", views.ProductApproveView.as_view()),
    path("moderation/products/<uuid:pk>/reject/", views.ProductRejectView.as_view()),
]
